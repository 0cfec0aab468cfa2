import { defineConfig, devices } from "@playwright/test";

const PORT = Number(process.env.SNOWLINE_E2E_PORT ?? 3100);
export const E2E_DATA_DIR = ".data/e2e";

export default defineConfig({
  testDir: "e2e",
  testMatch: "**/*.spec.ts",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  timeout: 30_000,
  expect: { timeout: 5_000 },
  globalSetup: "./e2e/support/global-setup.ts",
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
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
  webServer: {
    command: "node e2e/support/start-server.mjs",
    url: `http://127.0.0.1:${PORT}/readyz`,
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      PORT: String(PORT),
      HOST: "127.0.0.1",
      SNOWLINE_DATA_DIR: E2E_DATA_DIR,
      SNOWLINE_DEMO: "1",
      // The bulk journey closes 150 schools at once; the default demo council has 60.
      SNOWLINE_DEMO_SCHOOLS: "200",
      LOG_LEVEL: "warn",
      // Tiles cannot load here; tests answer this host with an empty response.
      SNOWLINE_TILE_URL: "http://tiles.snowline.test/{z}/{x}/{y}.png",
      NEXT_TELEMETRY_DISABLED: "1",
    },
  },
});
