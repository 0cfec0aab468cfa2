import { execFileSync } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import { createConsoleUsers } from "./console-users";
import { E2E_SERVERS, tokenFileOf } from "./e2e-servers";

/** Checks the browser exists, then creates an API token and console accounts with the real CLI against each test server's database. */
export default async function globalSetup(): Promise<void> {
  const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (!existsSync(chromium)) {
    throw new Error(`Chromium is missing at ${chromium}. Install it with: apt-get install -y chromium (or set CHROMIUM_PATH).`);
  }
  for (const { dataDir } of Object.values(E2E_SERVERS)) {
    const output = execFileSync(process.execPath, ["bin/snowline.mjs", "token", "add", "e2e"], {
      env: { ...process.env, SNOWLINE_DATA_DIR: dataDir },
      encoding: "utf8",
    });
    writeFileSync(tokenFileOf(dataDir), output.trim().split("\n").at(-1)!);
  }
  await createConsoleUsers(E2E_SERVERS.console.dataDir);
}
