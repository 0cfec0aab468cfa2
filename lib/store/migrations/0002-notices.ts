import type { Kysely, Migration } from "kysely";

/** Council-wide notices, with who created and ended each (never shown to the public). */
export const noticesMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable("notices")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("level", "text", (c) => c.notNull())
      .addColumn("text", "text", (c) => c.notNull())
      .addColumn("from_ms", "bigint")
      .addColumn("until_ms", "bigint")
      .addColumn("created_at", "bigint", (c) => c.notNull())
      .addColumn("created_by_type", "text", (c) => c.notNull())
      .addColumn("created_by_id", "text")
      .addColumn("created_by_name", "text", (c) => c.notNull())
      .addColumn("created_ip", "text")
      .addColumn("ended_at", "bigint")
      .addColumn("ended_by_name", "text")
      .execute();
  },
};
