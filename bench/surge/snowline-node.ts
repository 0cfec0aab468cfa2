// One production Snowline node for bench:surge, started the way a new user starts it (`npm start`
// on a production build, SQLite and the in-process bus), in its own process pinned to one core.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pinned } from "./cpu";

export type Council = "demo" | "scale";

export interface SnowlineNode {
  readonly url: string;
  readonly pid: number;
  readonly council: Council;
  /** An API token that may post changes to every layer (created with `snowline token add`). */
  createToken(): string;
  stop(): Promise<void>;
}

/**
 * Every load of a benchmark comes from 127.0.0.1, which the per-address budgets are there to stop:
 * they step aside (to the highest values the environment accepts) so the figures measure serving,
 * not the rate limiter refusing one address.
 */
const LIMITS_LIFTED = {
  SNOWLINE_RATE_LIMIT_READS_PER_MINUTE: "10000000",
  SNOWLINE_RATE_LIMIT_WRITES_PER_MINUTE: "1000000",
  SNOWLINE_SOCKETS_PER_ADDRESS: "1000000",
  SNOWLINE_SOCKETS_MAX: "10000000",
};

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** The demo council loads itself into the empty database on start; the scale council is loaded first. */
function prepareDataDir(council: Council): string {
  const dir = mkdtempSync(join(tmpdir(), `snowline-surge-${council}-`));
  if (council === "scale") {
    const load = spawnSync(process.execPath, ["--import", "tsx", "bench/load-scale-council.ts", dir], { stdio: ["ignore", "ignore", "inherit"] });
    if (load.status !== 0) throw new Error(`bench/load-scale-council.ts exited with ${load.status}`);
  }
  return dir;
}

async function waitUntilReady(url: string, child: ChildProcess): Promise<void> {
  const deadline = performance.now() + 180_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`Snowline exited with ${child.exitCode} before it was ready`);
    try {
      if ((await fetch(`${url}/readyz`)).ok) return;
    } catch {
      // not listening yet
    }
    if (performance.now() > deadline) throw new Error("Snowline did not become ready in 180 s");
    // Polling a starting process: there is no event to wait for across the process boundary.
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Starts Snowline on `core` with `council` loaded; the production build must exist (see ensureBuild). */
export async function startSnowlineNode(council: Council, core: number): Promise<SnowlineNode> {
  const dataDir = prepareDataDir(council);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const env = {
    ...process.env,
    ...LIMITS_LIFTED,
    PORT: String(port),
    HOST: "127.0.0.1",
    SNOWLINE_DATA_DIR: dataDir,
    SNOWLINE_PUBLIC_URL: url,
    SNOWLINE_DEMO: council === "demo" ? "1" : "0",
    LOG_LEVEL: "warn",
    NEXT_TELEMETRY_DISABLED: "1",
  };
  const [command, args] = pinned(core, process.execPath, ["--import", "tsx", "server/main.ts"]);
  const child = spawn(command, args, { stdio: ["ignore", "ignore", "inherit"], env });
  await waitUntilReady(url, child);
  return {
    url,
    pid: child.pid!,
    council,
    createToken() {
      const made = spawnSync(process.execPath, ["bin/snowline.mjs", "token", "add", `surge-${Date.now()}`], { env, encoding: "utf8" });
      if (made.status !== 0) throw new Error(`snowline token add failed: ${made.stderr}`);
      return made.stdout.trim().split("\n").at(-1)!.trim();
    },
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once("exit", resolve));
        child.kill("SIGTERM");
        await exited;
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
