import { mkdirSync, rmSync, statSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";

// Several test servers start at once; one builds, the others wait for it and find the build fresh.
const LOCK = ".data/e2e-build.lock";
const STALE_LOCK_MS = 10 * 60_000;
export async function withBuildLock(work) {
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

