import { sql } from "kysely";
import type { Database } from "./database";
import type { Store } from "./store";
import { queryBuilderOf } from "./store-internals";

/**
 * For tests only (ESLint keeps it out of everything else): a look at what a store keeps and a way
 * to make its database fail, without handing out the query builder.
 */

/** Every row of a table as stored, e.g. to check that a secret is kept only as its hash. */
export async function storedRows<T extends keyof Database>(store: Store, table: T): Promise<Database[T][]> {
  const rows = await queryBuilderOf(store).selectFrom(table).selectAll().execute();
  return rows as Database[T][];
}

/** Makes the database refuse to insert the asset with this id, to see a write fail part-way. */
export async function refuseAssetInsert(store: Store, assetId: string): Promise<void> {
  const db = queryBuilderOf(store);
  if (store.dialect === "sqlite") {
    await sql`create trigger refuse_one before insert on assets when new.id = ${sql.lit(assetId)} begin select raise(abort, 'refused by the test'); end`.execute(db);
    return;
  }
  await sql`create function refuse_one() returns trigger language plpgsql as $$ begin if new.id = ${sql.lit(assetId)} then raise exception 'refused by the test'; end if; return new; end $$`.execute(db);
  await sql`create trigger refuse_one before insert on assets for each row execute function refuse_one()`.execute(db);
}

/** Edits a change-log row with raw SQL, as someone with database access could, behind the application's back. */
export async function tamperWithChange(store: Store, seq: number, actorName: string): Promise<void> {
  await sql`update changes set actor_name = ${actorName} where seq = ${seq}`.execute(queryBuilderOf(store));
}

/** Deletes a change-log row with raw SQL. */
export async function deleteChange(store: Store, seq: number): Promise<void> {
  await sql`delete from changes where seq = ${seq}`.execute(queryBuilderOf(store));
}
