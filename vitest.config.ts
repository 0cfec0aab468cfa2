import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": fileURLToPath(new URL(".", import.meta.url)) } },
  test: {
    include: ["lib/**/*.test.ts", "server/**/*.test.ts", "components/**/*.test.ts", "test/**/*.test.ts"],
    exclude: ["e2e/**", "node_modules/**", ".next/**"],
    globalSetup: ["test/support/global-setup.ts"],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    // expect.poll waits for an event, not a deadline: its default of 1 s fails on a busy machine.
    expect: { poll: { timeout: 10_000 } },
    // Integration files each boot servers and open database connections; two at a time fits 2 cores.
    maxWorkers: 2,
  },
});
