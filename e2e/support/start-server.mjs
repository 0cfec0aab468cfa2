// Starts a production Snowline for the end-to-end tests on a fresh SQLite database with demo data.
import { spawn } from "node:child_process";
import { mkdirSync, rmSync, statSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import { buildIfNeeded } from "../../scripts/build-if-needed.mjs";

// Several test servers start at once; one builds, the others wait for it and find the build fresh.
const LOCK = ".data/e2e-build.lock";
const STALE_LOCK_MS = 10 * 60_000;
async function withBuildLock(work) {
  mkdirSync(".data", { recursive: true });
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      try {
        if (Date.now() - statSync(LOCK).mtimeMs > STALE_LOCK_MS) rmSync(LOCK, { recursive: true, force: true });
      } catch {
        // The holder removed it meanwhile.
      }
      await sleep(500);
    }
  }
  try {
    await work();
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

rmSync(process.env.SNOWLINE_DATA_DIR, { recursive: true, force: true });
await withBuildLock(buildIfNeeded);
const server = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], { stdio: "inherit", env: process.env });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
