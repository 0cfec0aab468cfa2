// Starts a production Snowline on a fresh SQLite database for a measuring script, and stops it.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildIfNeeded } from "./build-if-needed.mjs";

export async function startDemoServer({ port, env = {}, dataDir } = {}) {
  buildIfNeeded();
  const dir = dataDir ?? mkdtempSync(join(tmpdir(), "snowline-measure-"));
  const server = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", SNOWLINE_DATA_DIR: dir, SNOWLINE_DEMO: "1", LOG_LEVEL: "warn", NEXT_TELEMETRY_DISABLED: "1", ...env },
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`The server exited with ${server.exitCode}`);
    try {
      if ((await fetch(`${url}/readyz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error("The server did not become ready in 120 s");
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    dataDir: dir,
    async stop() {
      server.kill("SIGTERM");
      await new Promise((r) => server.once("exit", r));
      if (!dataDir) rmSync(dir, { recursive: true, force: true });
    },
  };
}
