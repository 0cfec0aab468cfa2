import type { Kysely, Migration } from "kysely";

/** Status messages admins save per layer for officers to reuse. */
export const messageTemplatesMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable("message_templates")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("layer", "text", (c) => c.notNull())
      .addColumn("name", "text", (c) => c.notNull())
      .addColumn("message", "text", (c) => c.notNull())
      .addColumn("created_at", "bigint", (c) => c.notNull())
      .addColumn("created_by_name", "text", (c) => c.notNull())
      .execute();
    await db.schema.createIndex("message_templates_layer_idx").on("message_templates").columns(["layer", "name"]).execute();
  },
};
