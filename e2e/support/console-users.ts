import { execFile } from "node:child_process";
import { promisify } from "node:util";

/** Console accounts the end-to-end tests sign in as, created with the real CLI before the tests run. */
export const E2E_PASSWORD = "snowy e2e pass phrase";

export const CONSOLE_USERS = {
  admin: { email: "ada.admin@e2e.test", name: "Ada Admin", args: ["--role", "admin"] },
  ann: { email: "ann.officer@e2e.test", name: "Ann Officer", args: ["--role", "officer", "--layers", "schools"] },
  bob: { email: "bob.officer@e2e.test", name: "Bob Officer", args: ["--role", "officer", "--layers", "schools"] },
  bulk: { email: "bulk.officer@e2e.test", name: "Bulk Officer", args: ["--role", "officer", "--layers", "schools"] },
  bins: { email: "bins.officer@e2e.test", name: "Bins Officer", args: ["--role", "officer", "--layers", "bins"] },
  head: { email: "head@school-001.e2e.test", name: "Head of School One", args: ["--role", "site", "--assets", "school-001"] },
  // Only the throttling test uses this one: after it, the account is throttled for 15 minutes.
  locked: { email: "locked.out@e2e.test", name: "Locked Out", args: ["--role", "officer", "--layers", "bins"] },
} as const;
export type ConsoleUserKey = keyof typeof CONSOLE_USERS;

const run = promisify(execFile);

export async function createConsoleUsers(dataDir: string): Promise<void> {
  // In parallel: each run starts Node and tsx; SQLite queues the writes.
  await Promise.all(
    Object.values(CONSOLE_USERS).map((user) => {
      const child = run(process.execPath, ["bin/snowline.mjs", "user", "add", user.email, "--name", user.name, ...user.args, "--password-stdin"], {
        env: { ...process.env, SNOWLINE_DATA_DIR: dataDir },
        encoding: "utf8",
      });
      child.child.stdin!.end(E2E_PASSWORD);
      return child;
    }),
  );
}
