import type { Context, MiddlewareHandler } from "hono";
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import type { Redis } from "ioredis";
import type { RateLimitClass } from "../../lib/api/contract/rate-limits";
import { TooManyRequestsError } from "../../lib/domain/errors";
import type { IncomingMessage } from "node:http";
import type { ApiEnv } from "./authorize";
import { clientAddress } from "../../lib/limits/client-address";
import { clientAddressOf } from "./client-address";
import { isCacheFill } from "./public-cache/cache-fill-request";

export interface RateLimitSettings {
  /** Writes one API token or console session may make per minute. */
  writesPerMinute: number;
  /** Public reads (API, open data, feeds) one address may make per minute. */
  readsPerMinute: number;
}

export const DEFAULT_RATE_LIMITS: RateLimitSettings = { writesPerMinute: 1_200, readsPerMinute: 3_000 };

/** Where the counters live: Redis when there is one, so every node counts together; else this process. */
export type RateLimitBackend = { type: "redis"; client: Redis; namespace: string } | { type: "memory" };

export type RateLimits = Record<RateLimitClass, RateLimiterAbstract>;

function limiter(backend: RateLimitBackend, keyPrefix: string, points: number): RateLimiterAbstract {
  const options = { keyPrefix, points, duration: 60 };
  if (backend.type === "memory") return new RateLimiterMemory(options);
  return new RateLimiterRedis({
    ...options,
    storeClient: backend.client,
    keyPrefix: `${backend.namespace}:${keyPrefix}`,
    // The client fails at once while Redis is away; each node then counts alone rather than refusing everyone.
    insuranceLimiter: new RateLimiterMemory(options),
    // Once a key is over its budget, refuse it here without asking Redis again.
    inMemoryBlockOnConsumed: points,
  });
}

export function createRateLimits(backend: RateLimitBackend, settings: RateLimitSettings = DEFAULT_RATE_LIMITS): RateLimits {
  return {
    read: limiter(backend, "rate_read", settings.readsPerMinute),
    write: limiter(backend, "rate_write", settings.writesPerMinute),
  };
}

const MESSAGES: Record<RateLimitClass, string> = {
  read: "Too many requests from your address: wait a moment and try again.",
  write: "Too many writes with these credentials: wait a moment and try again.",
};

/** The caller a write is counted against: the console session, else the API token. */
function writerKey(c: Context<ApiEnv>): string {
  const session = c.get("session");
  if (session) return `session:${session.tokenHash}`;
  const actor = c.get("access").actor;
  return `${actor.type}:${actor.id ?? "system"}`;
}

// The same address the sign-in throttle uses: the socket's, or the trusted proxy's last hop. One
// key for it, whether the read reached the router or was answered by the public cache.
const readKeyOf = (address: string | null) => `address:${address ?? "unknown"}`;
const addressKeyOf = (trustProxy: boolean) => (c: Context<ApiEnv>) => readKeyOf(clientAddressOf(c as Context, trustProxy));

/** Spends one public read of the request's address; false once the budget is spent (the router then says 429). */
export async function spendPublicRead(limits: RateLimits, req: IncomingMessage, trustProxy: boolean): Promise<boolean> {
  const address = clientAddress({ socketAddress: req.socket.remoteAddress, forwardedFor: req.headers["x-forwarded-for"], trustProxy });
  try {
    await limits.read.consume(readKeyOf(address));
    return true;
  } catch (error) {
    if (error instanceof RateLimiterRes) return false;
    throw error;
  }
}

/** Spends one request from the route's budget; past it, 429 with Retry-After (through the API's error mapping). */
export function limitRate(limits: RateLimits, kind: RateLimitClass, trustProxy: boolean): MiddlewareHandler<ApiEnv> {
  const keyOf = kind === "read" ? addressKeyOf(trustProxy) : writerKey;
  return async (c, next) => {
    // The public cache filling an entry: the reader whose miss caused it was counted already.
    if (kind === "read" && isCacheFill((c.env as { incoming?: IncomingMessage } | undefined)?.incoming)) return next();
    try {
      await limits[kind].consume(keyOf(c));
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) throw error;
      throw new TooManyRequestsError(MESSAGES[kind], Math.max(1, Math.ceil(error.msBeforeNext / 1000)));
    }
    await next();
  };
}
