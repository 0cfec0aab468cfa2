import { inject } from "vitest";
import { randomBytes } from "node:crypto";

/** Where the test suite finds the real services it runs against. */
export const TEST_DATABASE_URL = process.env.SNOWLINE_TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
export const TEST_REDIS_URL = process.env.SNOWLINE_TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

/** Told by the global setup when a service could not be reached outside CI (under CI that is a failure). */
export const isPostgresMissing = () => inject("postgresMissing");
export const isRedisMissing = () => inject("redisMissing");

export function uniqueName(prefix: string): string {
  return `${prefix}_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
}

const LOCAL_HOSTS = new Set(["127.0.0.1", "localhost", "::1", "[::1]"]);

/** Tests create and drop schemas: refuse anything but a database on this machine. */
export function assertLocalUrl(url: string): void {
  const host = new URL(url).hostname;
  if (!LOCAL_HOSTS.has(host)) throw new Error(`Refusing to run destructive tests against non-local ${url}`);
}
