import { join, resolve } from "node:path";
import SqliteDatabase from "better-sqlite3";
import { Redis } from "ioredis";
import pg from "pg";
import { SQLITE_FILE_NAME } from "../../lib/store/sqlite-store";
import type { Env } from "../config/env";
import type { ThrottleBackend } from "./login-throttle";

/**
 * Opens the connection the sign-in throttle counts in, shared by every node: Redis when the
 * deployment has one, else the same database the store uses. Only the composition root calls it.
 */
export function openThrottleBackend(
  env: Env,
  onError: (error: unknown) => void = () => {},
): { backend: ThrottleBackend; close(): Promise<void> } {
  if (env.REDIS_URL) {
    const client = new Redis(env.REDIS_URL, { maxRetriesPerRequest: 2, lazyConnect: false });
    // Without a listener ioredis prints an unhandled-error line on every reconnect attempt.
    client.on("error", onError);
    return { backend: { type: "redis", client, namespace: env.SNOWLINE_BUS_NAMESPACE }, close: async () => void client.disconnect() };
  }
  if (env.DATABASE_URL) {
    const pool = new pg.Pool({ connectionString: env.DATABASE_URL, max: 2 });
    return { backend: { type: "postgres", pool }, close: () => pool.end() };
  }
  const database = new SqliteDatabase(join(resolve(env.SNOWLINE_DATA_DIR), SQLITE_FILE_NAME));
  database.pragma("busy_timeout = 5000");
  return { backend: { type: "sqlite", database }, close: async () => void database.close() };
}
