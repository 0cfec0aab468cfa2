import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pino } from "pino";
import { afterEach, describe, expect, it, vi } from "vitest";
import { openBackends, type Backends } from "../../server/compose";
import { parseEnv } from "../../server/config/env";
import { waitUntil } from "./harness";
import { isRedisServerMissing, startOwnRedis, type OwnRedis } from "./services";

describe.skipIf(isRedisServerMissing)("sign-in throttle on Redis", () => {
  let redis: OwnRedis | null = null;
  let backends: Backends | null = null;
  let dataDir: string | null = null;
  afterEach(async () => {
    vi.restoreAllMocks();
    await redis?.kill();
    await backends?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it("a lost Redis reaches the log through the Redis connection the throttle shares, never as an unhandled error", async () => {
    redis = await startOwnRedis();
    dataDir = await mkdtemp(join(tmpdir(), "snowline-throttle-"));
    const printed = vi.spyOn(console, "error");
    const logged: string[] = [];
    const logger = pino({ level: "error" }, { write: (line: string) => void logged.push(line) });
    backends = await openBackends(parseEnv({ REDIS_URL: redis.url, SNOWLINE_DATA_DIR: dataDir }), logger);
    // The throttle counts through the bus's Redis connection: a sign-in failure is visible there.
    expect(await backends.throttle.recordFailure("someone@example.org", "127.0.0.1")).toBe(0);

    await redis.kill();
    redis = null;
    // One error per reconnect attempt, each to the handler.
    expect(await waitUntil(() => logged.length >= 2, 15_000)).toBe(true);
    expect(printed.mock.calls.filter((args) => String(args[0]).includes("Unhandled error"))).toEqual([]);
  });
});
