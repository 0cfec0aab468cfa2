import type { Kysely, Migration } from "kysely";

/** API tokens may be limited to some layers (a JSON array); null keeps older tokens on every layer. */
export const tokenScopesMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable("api_tokens").addColumn("layers", "text").execute();
    await db.schema.alterTable("api_tokens").addColumn("created_by_name", "text").execute();
  },
};
