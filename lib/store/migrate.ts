import { type Kysely, sql } from "kysely";
import type { Dialect } from "./database";
import { MIGRATIONS } from "./migrations/index";

/**
 * Runs every migration not yet applied, in name order, in one transaction. Our own small runner
 * rather than Kysely's Migrator: that one introspects every schema of the database, which fails
 * whenever another schema is dropped at the same moment (parallel test runs, other tenants).
 * On PostgreSQL an advisory lock per schema makes nodes starting together take turns.
 */
export async function migrateToLatest(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  let current = "";
  try {
    await db.transaction().execute(async (trx) => {
      if (dialect === "postgres") await sql`select pg_advisory_xact_lock(hashtext('snowline-migrations:' || current_schema()))`.execute(trx);
      await sql`create table if not exists snowline_migrations (name text primary key, applied_at bigint not null)`.execute(trx);
      const { rows } = await sql<{ name: string }>`select name from snowline_migrations`.execute(trx);
      const applied = new Set(rows.map((row) => row.name));
      for (const name of Object.keys(MIGRATIONS).sort()) {
        if (applied.has(name)) continue;
        current = name;
        await MIGRATIONS[name]!.up(trx);
        await sql`insert into snowline_migrations (name, applied_at) values (${name}, ${Date.now()})`.execute(trx);
      }
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`Database migration ${current || "bookkeeping"} failed: ${reason}`);
  }
}
