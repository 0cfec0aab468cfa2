import { resolve } from "node:path";
import { openPostgresStore } from "../lib/store/postgres-store";
import { openSqliteStore } from "../lib/store/sqlite-store";
import type { Store } from "../lib/store/store";
import type { Env } from "./config/env";

/**
 * The one place that picks the database from the environment: openBackends (server/compose.ts)
 * and the CLI both open it here. Apart from compose.ts so the CLI loads no Redis or throttle code.
 */
export function openStore(env: Pick<Env, "DATABASE_URL" | "SNOWLINE_DATA_DIR">): Promise<Store> {
  return env.DATABASE_URL ? openPostgresStore({ url: env.DATABASE_URL }) : openSqliteStore(resolve(env.SNOWLINE_DATA_DIR));
}
