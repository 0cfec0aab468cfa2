import { execFileSync } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { E2E_DATA_DIR } from "../../playwright.config";
import { createConsoleUsers } from "./console-users";

export const TOKEN_FILE = join(E2E_DATA_DIR, "e2e-token.txt");

/** Checks the browser exists, then creates an API token with the real CLI against the test server's database. */
export default async function globalSetup(): Promise<void> {
  const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (!existsSync(chromium)) {
    throw new Error(`Chromium is missing at ${chromium}. Install it with: apt-get install -y chromium (or set CHROMIUM_PATH).`);
  }
  const output = execFileSync(process.execPath, ["bin/snowline.mjs", "token", "add", "e2e"], {
    env: { ...process.env, SNOWLINE_DATA_DIR: E2E_DATA_DIR },
    encoding: "utf8",
  });
  const token = output.trim().split("\n").at(-1)!;
  writeFileSync(TOKEN_FILE, token);
  await createConsoleUsers(E2E_DATA_DIR);
}
