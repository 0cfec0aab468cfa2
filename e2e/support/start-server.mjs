// Starts a production Snowline for the end-to-end tests on a fresh SQLite database with demo data.
import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import { buildIfNeeded } from "../../scripts/build-if-needed.mjs";
import { withBuildLock } from "./build-lock.mjs";

rmSync(process.env.SNOWLINE_DATA_DIR, { recursive: true, force: true });
await withBuildLock(buildIfNeeded);
const server = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], { stdio: "inherit", env: process.env });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
