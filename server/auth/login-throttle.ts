import { createHash } from "node:crypto";
import {
  RateLimiterMemory,
  RateLimiterPostgres,
  RateLimiterRedis,
  RateLimiterSQLite,
  type RateLimiterAbstract,
} from "rate-limiter-flexible";
import type { Redis } from "ioredis";
import type pg from "pg";
import type BetterSqlite3 from "better-sqlite3";

/**
 * Where the counters live. They must be shared by every node: Redis when the deployment has it,
 * otherwise the database. Memory is for a single process (tests, or a one-node SQLite demo).
 */
export type ThrottleBackend =
  | { type: "redis"; client: Redis; namespace: string }
  | { type: "postgres"; pool: pg.Pool; schema?: string }
  | { type: "sqlite"; database: BetterSqlite3.Database }
  | { type: "memory" };

export interface ThrottleLimit {
  /** Failed attempts allowed within `windowSeconds`; the next one blocks. */
  failures: number;
  windowSeconds: number;
  blockSeconds: number;
}

export interface ThrottleLimits {
  /** One account from one address: the limit people meet (10 wrong passwords). */
  accountAndIp: ThrottleLimit;
  /**
   * One account from anywhere, higher, against attacks spread over many addresses. Not as low as
   * the first: anyone could then lock an officer out on a snow morning by typing their email.
   */
  account: ThrottleLimit;
  /** One address trying many accounts. */
  ip: ThrottleLimit;
}

export const DEFAULT_THROTTLE_LIMITS: ThrottleLimits = {
  accountAndIp: { failures: 10, windowSeconds: 3600, blockSeconds: 15 * 60 },
  account: { failures: 50, windowSeconds: 3600, blockSeconds: 3600 },
  ip: { failures: 100, windowSeconds: 3600, blockSeconds: 3600 },
};

export interface LoginThrottle {
  /** Seconds until this email may try again from this address, or 0 if it may try now. */
  retryAfter(email: string, ip: string): Promise<number>;
  /** Counts a failed attempt; returns the seconds it is now blocked for, or 0. */
  recordFailure(email: string, ip: string): Promise<number>;
  /** A successful sign-in clears the consecutive failures of this account from this address. */
  recordSuccess(email: string, ip: string): Promise<void>;
}

const TABLE = "login_throttle";

function createLimiter(backend: ThrottleBackend, keyPrefix: string, limit: ThrottleLimit): RateLimiterAbstract {
  const options = { keyPrefix, points: limit.failures, duration: limit.windowSeconds };
  switch (backend.type) {
    case "redis":
      return new RateLimiterRedis({ ...options, storeClient: backend.client, keyPrefix: `${backend.namespace}:${keyPrefix}` });
    case "postgres":
      return new RateLimiterPostgres({ ...options, storeClient: backend.pool, tableName: TABLE, tableCreated: true, schemaName: backend.schema });
    case "sqlite":
      return new RateLimiterSQLite({ ...options, storeClient: backend.database, storeType: "better-sqlite3", tableName: TABLE, tableCreated: true });
    case "memory":
      return new RateLimiterMemory(options);
  }
}

// Keys are hashed: the table then holds no email addresses, and every key fits its column.
const keyOf = (...parts: string[]) => createHash("sha256").update(parts.join("\n")).digest("hex");

export function createLoginThrottle(backend: ThrottleBackend, limits: ThrottleLimits = DEFAULT_THROTTLE_LIMITS): LoginThrottle {
  const rules = [
    { limiter: createLimiter(backend, "login_account_ip", limits.accountAndIp), limit: limits.accountAndIp, key: (e: string, ip: string) => keyOf(e, ip) },
    { limiter: createLimiter(backend, "login_account", limits.account), limit: limits.account, key: (e: string) => keyOf(e) },
    { limiter: createLimiter(backend, "login_ip", limits.ip), limit: limits.ip, key: (_e: string, ip: string) => keyOf("ip", ip) },
  ];
  const normalise = (email: string) => email.trim().toLowerCase();

  return {
    async retryAfter(email, ip) {
      const results = await Promise.all(rules.map((r) => r.limiter.get(r.key(normalise(email), ip))));
      const waits = results.map((res, i) => (res && res.consumedPoints >= rules[i]!.limit.failures ? res.msBeforeNext : 0));
      return Math.ceil(Math.max(0, ...waits) / 1000);
    },
    async recordFailure(email, ip) {
      let blockedFor = 0;
      for (const rule of rules) {
        const key = rule.key(normalise(email), ip);
        const res = await rule.limiter.penalty(key, 1);
        if (res.consumedPoints >= rule.limit.failures) {
          await rule.limiter.block(key, rule.limit.blockSeconds);
          blockedFor = Math.max(blockedFor, rule.limit.blockSeconds);
        }
      }
      return blockedFor;
    },
    async recordSuccess(email, ip) {
      await rules[0]!.limiter.delete(rules[0]!.key(normalise(email), ip));
    },
  };
}
