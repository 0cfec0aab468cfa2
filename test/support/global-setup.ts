import net from "node:net";
import type { TestProject } from "vitest/node";
import { assertLocalUrl, TEST_DATABASE_URL, TEST_REDIS_URL } from "./services";

function reachable(url: string, defaultPort: number): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect({ host: hostname.replace(/^\[|\]$/g, ""), port: Number(port || defaultPort) });
    socket.setTimeout(2000);
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
    socket.once("timeout", () => (socket.destroy(), resolve(false)));
  });
}

/** Checks the real services once. Under CI a missing one fails the run; locally its tests are skipped loudly. */
export default async function setup(project: TestProject): Promise<void> {
  assertLocalUrl(TEST_DATABASE_URL);
  assertLocalUrl(TEST_REDIS_URL);
  const missing: string[] = [];
  if (!(await reachable(TEST_DATABASE_URL, 5432))) {
    missing.push(
      `PostgreSQL is not reachable at ${TEST_DATABASE_URL}. Install and start it (Debian: apt-get install -y postgresql && pg_ctlcluster 15 main start) or set SNOWLINE_TEST_DATABASE_URL.`,
    );
  }
  if (!(await reachable(TEST_REDIS_URL, 6379))) {
    missing.push(
      `Redis is not reachable at ${TEST_REDIS_URL}. Install and start it (Debian: apt-get install -y redis-server && redis-server --daemonize yes) or set SNOWLINE_TEST_REDIS_URL.`,
    );
  }
  project.provide("postgresMissing", missing.some((m) => m.startsWith("PostgreSQL")));
  project.provide("redisMissing", missing.some((m) => m.startsWith("Redis")));
  if (!missing.length) return;
  const report = missing.map((m) => `  - ${m}`).join("\n");
  if (process.env.CI) throw new Error(`Required test services are missing (CI=true, so this is a failure):\n${report}`);
  console.warn(`\n!!! Skipping tests that need these services:\n${report}\n`);
}

declare module "vitest" {
  export interface ProvidedContext {
    postgresMissing: boolean;
    redisMissing: boolean;
  }
}
