import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pino } from "pino";
import { afterEach, describe, expect, it } from "vitest";
import { isRedisMissing, TEST_REDIS_URL, uniqueName } from "../test/support/services";
import { DEFAULT_THROTTLE_LIMITS } from "./auth/login-throttle";
import { openBackends, type Backends } from "./compose";
import { parseEnv } from "./config/env";

const logger = pino({ level: "silent" });
const FAILURES = DEFAULT_THROTTLE_LIMITS.accountAndIp.failures;

describe("openBackends", () => {
  const opened: Backends[] = [];
  const dirs: string[] = [];
  const open = async (vars: Record<string, string>) => {
    const backends = await openBackends(parseEnv(vars), logger);
    opened.push(backends);
    return backends;
  };
  const dataDir = () => {
    const dir = mkdtempSync(join(tmpdir(), "snowline-compose-"));
    dirs.push(dir);
    return dir;
  };
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((b) => b.close()));
    dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true }));
  });

  it("without Redis counts failed sign-ins in the store's database, so a second node on it sees them", async () => {
    const dir = dataDir();
    const first = await open({ SNOWLINE_DATA_DIR: dir });
    const second = await open({ SNOWLINE_DATA_DIR: dir });
    for (let i = 0; i < FAILURES; i++) await first.throttle.recordFailure("ann@council.gov.uk", "10.0.0.1");
    expect(await second.throttle.retryAfter("ann@council.gov.uk", "10.0.0.1")).toBeGreaterThan(0);
    expect(await second.throttle.retryAfter("bob@council.gov.uk", "10.0.0.1")).toBe(0);
  });

  it.skipIf(isRedisMissing())("with Redis counts in Redis, shared by nodes on different databases", async () => {
    const vars = { REDIS_URL: TEST_REDIS_URL, SNOWLINE_BUS_NAMESPACE: uniqueName("snl_compose") };
    const first = await open({ ...vars, SNOWLINE_DATA_DIR: dataDir() });
    const second = await open({ ...vars, SNOWLINE_DATA_DIR: dataDir() });
    for (let i = 0; i < FAILURES; i++) await first.throttle.recordFailure("ann@council.gov.uk", "10.0.0.1");
    expect(await second.throttle.retryAfter("ann@council.gov.uk", "10.0.0.1")).toBeGreaterThan(0);
    // The bus those nodes share works too.
    const received = new Promise((resolve) => second.bus.subscribe(resolve));
    await first.bus.publish({ type: "notices" });
    expect(await received).toEqual({ type: "notices" });
  });
});
