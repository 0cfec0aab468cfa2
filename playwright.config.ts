import { readdirSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";
import { E2E_SERVERS } from "./e2e/support/e2e-servers";

const SERVER_OF_SPEC = {
  resident: ["accessibility", "asset-page", "deep-links", "keyboard", "list-without-javascript", "live-map", "live-worker", "my-places", "notices", "offline-resume", "security-headers"],
  embed: ["embed-builder", "embed-weight", "embed-widget", "share-cards"],
  console: ["console-admin", "console-assets", "console-bulk", "console-conflict", "console-officer", "console-roles", "console-sign-in", "console-webhooks"],
} as const;
// Specs that start their own servers in beforeAll (Playwright would start every webServer for any run).
const SELF_SERVED_SPECS = ["deployment"];

// A spec missing from the map above would silently never run.
const unassigned = readdirSync("e2e")
  .filter((file) => file.endsWith(".spec.ts"))
  .map((file) => file.replace(/\.spec\.ts$/, ""))
  .filter((spec) => !Object.values(SERVER_OF_SPEC).some((specs) => (specs as readonly string[]).includes(spec)))
  .filter((spec) => !SELF_SERVED_SPECS.includes(spec));
if (unassigned.length) throw new Error(`Assign these e2e specs to a server in playwright.config.ts: ${unassigned.join(", ")}`);

export default defineConfig({
  testDir: "e2e",
  testMatch: "**/*.spec.ts",
  fullyParallel: false,
  // Each project has its own server and runs its files one at a time (they share that server's
  // data); the projects run side by side, one per core.
  workers: 2,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  timeout: 30_000,
  expect: { timeout: 5_000 },
  globalSetup: "./e2e/support/global-setup.ts",
  use: {
    trace: "retain-on-failure",
    ...devices["Desktop Chrome"],
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  projects: [
    ...(Object.keys(SERVER_OF_SPEC) as (keyof typeof SERVER_OF_SPEC)[]).map((name) => ({
      name,
      testMatch: SERVER_OF_SPEC[name].map((spec) => `**/${spec}.spec.ts`),
      workers: 1,
      metadata: { dataDir: E2E_SERVERS[name].dataDir },
      use: { baseURL: `http://127.0.0.1:${E2E_SERVERS[name].port}` },
    })),
    // nginx, two nodes, PostgreSQL and Redis: deploy/README.md's deployment, started by the spec.
    { name: "deployment", testMatch: SELF_SERVED_SPECS.map((spec) => `**/${spec}.spec.ts`), workers: 1 },
  ],
  webServer: Object.values(E2E_SERVERS).map(({ port, dataDir, demoSchools }) => ({
    command: "node e2e/support/start-server.mjs",
    url: `http://127.0.0.1:${port}/readyz`,
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: "pipe" as const,
    stderr: "pipe" as const,
    env: {
      PORT: String(port),
      HOST: "127.0.0.1",
      SNOWLINE_DATA_DIR: dataDir,
      SNOWLINE_DEMO: "1",
      ...(demoSchools ? { SNOWLINE_DEMO_SCHOOLS: String(demoSchools) } : {}),
      LOG_LEVEL: "warn",
      // Tiles cannot load here; tests answer this host with an empty response.
      SNOWLINE_TILE_URL: "http://tiles.snowline.test/{z}/{x}/{y}.png",
      NEXT_TELEMETRY_DISABLED: "1",
      // The webhook journeys deliver to a receiver on this machine, an internal address refused by default.
      SNOWLINE_WEBHOOK_ALLOWED_HOSTS: "127.0.0.1",
    },
  })),
});
