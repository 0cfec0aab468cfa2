// `npm test`: dependency audit, type-check, lint, unit and integration tests (real SQLite, PostgreSQL, Redis), fault drills,
// a production build, then end-to-end tests in Debian's Chromium. Stops at the first failure.
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { auditDependencies } from "./audit-dependencies.mjs";
import { buildIfNeeded } from "./build-if-needed.mjs";

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
const isCI = !!process.env.CI;

function step(title, command, args) {
  console.log(`\n=== ${title}: ${command} ${args.join(" ")}`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: "inherit", env });
  if (result.status !== 0) {
    console.error(`\n✗ ${title} failed`);
    process.exit(result.status ?? 1);
  }
  console.log(`✓ ${title} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

auditDependencies();

/** Runs single-threaded checks side by side (each on its own core), printing each one's output whole when it ends. */
async function steps(list) {
  const started = Date.now();
  const results = await Promise.all(
    list.map(
      ([title, command, args]) =>
        new Promise((resolve) => {
          const child = spawn(command, args, { env, stdio: ["ignore", "pipe", "pipe"] });
          let output = "";
          child.stdout.on("data", (chunk) => (output += chunk));
          child.stderr.on("data", (chunk) => (output += chunk));
          child.on("close", (status) => resolve({ title, command, args, status, output, seconds: (Date.now() - started) / 1000 }));
        }),
    ),
  );
  for (const { title, command, args, status, output, seconds } of results) {
    console.log(`\n=== ${title}: ${command} ${args.join(" ")}`);
    process.stdout.write(output);
    console.log(status === 0 ? `✓ ${title} (${seconds.toFixed(1)} s)` : `\n✗ ${title} failed`);
  }
  const failed = results.find((result) => result.status !== 0);
  if (failed) process.exit(failed.status ?? 1);
}

// Route types first, so tsc checks pages against Next's own expectations as `next build` would.
step("Route types", "npx", ["next", "typegen"]);
await steps([
  ["Type-check", "npx", ["tsc", "--noEmit", "-p", "."]],
  ["Lint", "npx", ["eslint", "."]],
]);
step("Unit and integration tests", "npx", ["vitest", "run"]);
step("Fault drills", "npx", ["vitest", "run", "--config", "vitest.faults.config.ts"]);

const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (!existsSync(chromium)) {
  const advice = `Chromium is missing at ${chromium}: install it with \`apt-get install -y chromium\` (or set CHROMIUM_PATH).`;
  if (isCI) {
    console.error(`✗ ${advice}`);
    process.exit(1);
  }
  console.warn(`\n!!! Skipping the end-to-end tests. ${advice}`);
  process.exit(0);
}
console.log("\n=== Production build");
// The same sources passed tsc above; checking them again inside `next build` would cost 30 s.
process.env.SNOWLINE_TYPES_CHECKED = "1";
await buildIfNeeded();
step("End-to-end tests", "npx", ["playwright", "test"]);
