import type { Kysely, Migration } from "kysely";

/** Account events for the audit log: sign-ins, failed sign-ins, sign-in links, account changes. */
export const accountEventsMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable("account_events")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("at", "bigint", (c) => c.notNull())
      .addColumn("kind", "text", (c) => c.notNull())
      .addColumn("actor_type", "text")
      .addColumn("actor_id", "text")
      .addColumn("actor_name", "text")
      .addColumn("ip", "text")
      .addColumn("subject_user_id", "text")
      .addColumn("subject", "text")
      .execute();
    await db.schema.createIndex("account_events_at_idx").on("account_events").column("at").execute();
  },
};
