import { afterEach, describe, expect, it, vi } from "vitest";
import { openThrottleBackend } from "../../server/auth/throttle-backend";
import { parseEnv } from "../../server/config/env";
import { waitUntil } from "./harness";
import { isRedisServerMissing, startOwnRedis, type OwnRedis } from "./services";

describe.skipIf(isRedisServerMissing)("sign-in throttle on Redis", () => {
  let redis: OwnRedis | null = null;
  afterEach(async () => {
    vi.restoreAllMocks();
    await redis?.kill();
  });

  it("the sign-in throttle's Redis client reports a lost Redis to its handler, not as an unhandled error (finding 7)", async () => {
    redis = await startOwnRedis();
    const printed = vi.spyOn(console, "error");
    const errors: unknown[] = [];
    const throttle = openThrottleBackend(parseEnv({ REDIS_URL: redis.url }), (error) => errors.push(error));
    const client = throttle.backend.type === "redis" ? throttle.backend.client : null;
    expect(await waitUntil(() => client?.status === "ready", 10_000)).toBe(true);

    await redis.kill();
    // One error per reconnect attempt, each to the handler.
    expect(await waitUntil(() => errors.length >= 2, 15_000)).toBe(true);
    await throttle.close();
    expect(printed.mock.calls.filter((args) => String(args[0]).includes("Unhandled error"))).toEqual([]);
  });
});
