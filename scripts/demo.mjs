// `npm run demo`: build if needed, load the demo council into an empty database, start the server.
import { spawn } from "node:child_process";
import { buildIfNeeded } from "./build-if-needed.mjs";

await buildIfNeeded();
const server = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
  stdio: "inherit",
  env: { ...process.env, SNOWLINE_DEMO: "1" },
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
