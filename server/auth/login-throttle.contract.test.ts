import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import SqliteDatabase from "better-sqlite3";
import { Redis } from "ioredis";
import pg from "pg";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { dropPostgresSchema, openPostgresStore } from "../../lib/store/postgres-store";
import { openSqliteStore, SQLITE_FILE_NAME } from "../../lib/store/sqlite-store";
import { isPostgresMissing, isRedisMissing, TEST_DATABASE_URL, TEST_REDIS_URL, uniqueName } from "../../test/support/services";
import { createLoginThrottle, type LoginThrottle, type ThrottleBackend, type ThrottleLimits } from "./login-throttle";

const LIMITS: ThrottleLimits = {
  accountAndIp: { failures: 10, windowSeconds: 3600, blockSeconds: 900 },
  account: { failures: 15, windowSeconds: 3600, blockSeconds: 3600 },
  ip: { failures: 20, windowSeconds: 3600, blockSeconds: 3600 },
};

interface Opened {
  backend: ThrottleBackend;
  close(): Promise<void>;
}

const backends: { name: string; skip: () => boolean; open(): Promise<Opened> }[] = [
  { name: "memory", skip: () => false, open: async () => ({ backend: { type: "memory" }, close: async () => {} }) },
  {
    name: "sqlite",
    skip: () => false,
    async open() {
      const dir = mkdtempSync(join(tmpdir(), "snowline-throttle-"));
      const store = await openSqliteStore(dir);
      const database = new SqliteDatabase(join(dir, SQLITE_FILE_NAME));
      return {
        backend: { type: "sqlite", database },
        async close() {
          database.close();
          await store.close();
          rmSync(dir, { recursive: true, force: true });
        },
      };
    },
  },
  {
    name: "postgres",
    skip: () => isPostgresMissing(),
    async open() {
      const schema = uniqueName("snl_throttle");
      const store = await openPostgresStore({ url: TEST_DATABASE_URL, schema });
      const pool = new pg.Pool({ connectionString: TEST_DATABASE_URL, max: 2 });
      return {
        backend: { type: "postgres", pool, schema },
        async close() {
          await pool.end();
          await store.close();
          await dropPostgresSchema(TEST_DATABASE_URL, schema);
        },
      };
    },
  },
  {
    name: "redis",
    skip: () => isRedisMissing(),
    async open() {
      const client = new Redis(TEST_REDIS_URL);
      return { backend: { type: "redis", client, namespace: uniqueName("snl_throttle") }, close: async () => void client.disconnect() };
    },
  },
];

for (const kind of backends) {
  describe.skipIf(kind.skip())(`login throttle [${kind.name}]`, () => {
    let opened: Opened;
    let throttle: LoginThrottle;
    beforeEach(async () => {
      opened = await kind.open();
      throttle = createLoginThrottle(opened.backend, LIMITS);
    });
    afterEach(async () => opened.close());

    it("blocks an account from an address after 10 failures, for its block time", async () => {
      for (let i = 1; i <= 9; i++) expect(await throttle.recordFailure("ann@council.gov.uk", "10.0.0.1")).toBe(0);
      expect(await throttle.retryAfter("ann@council.gov.uk", "10.0.0.1")).toBe(0);
      expect(await throttle.recordFailure("ANN@council.gov.uk ", "10.0.0.1")).toBe(900);
      const wait = await throttle.retryAfter("ann@council.gov.uk", "10.0.0.1");
      expect(wait).toBeGreaterThan(890);
      expect(wait).toBeLessThanOrEqual(900);
      // The same account from another address may still try, until the account-wide limit.
      expect(await throttle.retryAfter("ann@council.gov.uk", "10.0.0.2")).toBe(0);
    });

    it("forgets consecutive failures after a successful sign-in", async () => {
      for (let i = 0; i < 9; i++) await throttle.recordFailure("bob@council.gov.uk", "10.0.0.1");
      await throttle.recordSuccess("bob@council.gov.uk", "10.0.0.1");
      expect(await throttle.recordFailure("bob@council.gov.uk", "10.0.0.1")).toBe(0);
      expect(await throttle.retryAfter("bob@council.gov.uk", "10.0.0.1")).toBe(0);
    });

    it("blocks an account tried from many addresses, and an address trying many accounts", async () => {
      for (let i = 0; i < 15; i++) await throttle.recordFailure("cat@council.gov.uk", `10.0.1.${i}`);
      expect(await throttle.retryAfter("cat@council.gov.uk", "10.9.9.9")).toBeGreaterThan(3500);
      for (let i = 0; i < 20; i++) await throttle.recordFailure(`user${i}@council.gov.uk`, "10.0.2.1");
      expect(await throttle.retryAfter("someone-else@council.gov.uk", "10.0.2.1")).toBeGreaterThan(3500);
      expect(await throttle.retryAfter("someone-else@council.gov.uk", "10.0.2.2")).toBe(0);
    });

    // Memory counters are per process by design: that backend is for one-process setups only.
    it.skipIf(kind.name === "memory")("shares its counters between two throttles on the same store, as two nodes would", async () => {
      const otherNode = createLoginThrottle(opened.backend, LIMITS);
      for (let i = 0; i < 5; i++) await throttle.recordFailure("dan@council.gov.uk", "10.0.0.1");
      for (let i = 0; i < 5; i++) await otherNode.recordFailure("dan@council.gov.uk", "10.0.0.1");
      expect(await throttle.retryAfter("dan@council.gov.uk", "10.0.0.1")).toBeGreaterThan(0);
    });
  });
}
