import { mkdirSync } from "node:fs";
import { join } from "node:path";
import SqliteDatabase from "better-sqlite3";
import { Kysely, SqliteDialect } from "kysely";
import type { Database } from "./database";
import { createStore, type Store } from "./store";

export const SQLITE_FILE_NAME = "snowline.sqlite";

/** Opens (creating if needed) the embedded SQLite store in `dataDir`, or in memory for `:memory:`. */
export async function openSqliteStore(dataDir: string): Promise<Store> {
  let file = ":memory:";
  if (dataDir !== ":memory:") {
    mkdirSync(dataDir, { recursive: true });
    file = join(dataDir, SQLITE_FILE_NAME);
  }
  const database = new SqliteDatabase(file);
  database.pragma("journal_mode = WAL");
  // Another process (the CLI, a second node on the same file) may hold the write lock briefly.
  database.pragma("busy_timeout = 5000");
  database.pragma("synchronous = NORMAL");
  database.pragma("foreign_keys = ON");
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database }) });
  return createStore(db, "sqlite", { driver: { type: "sqlite", database } });
}
