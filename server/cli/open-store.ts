import { resolve } from "node:path";
import { openPostgresStore } from "../../lib/store/postgres-store";
import { openSqliteStore } from "../../lib/store/sqlite-store";
import type { Store } from "../../lib/store/store";
import type { Env } from "../config/env";

/** The CLI works on the same database the server would use with this environment. */
export function openStoreFromEnv(env: Env): Promise<Store> {
  return env.DATABASE_URL ? openPostgresStore({ url: env.DATABASE_URL }) : openSqliteStore(resolve(env.SNOWLINE_DATA_DIR));
}
