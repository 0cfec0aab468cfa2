import { type Kysely, type Migration, sql } from "kysely";

/** Assets, their current status, the append-only change log, the seq counter and API tokens. */
export const coreMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable("assets")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("layer", "text", (c) => c.notNull())
      .addColumn("name", "text", (c) => c.notNull())
      .addColumn("geometry", "text", (c) => c.notNull())
      .addColumn("attributes", "text", (c) => c.notNull())
      .addColumn("created_at", "bigint", (c) => c.notNull())
      .addColumn("updated_at", "bigint", (c) => c.notNull())
      .execute();
    await db.schema.createIndex("assets_layer_idx").on("assets").columns(["layer", "name"]).execute();

    await db.schema
      .createTable("asset_status")
      .addColumn("asset_id", "text", (c) => c.primaryKey().references("assets.id").onDelete("cascade"))
      .addColumn("code", "text", (c) => c.notNull())
      .addColumn("message", "text", (c) => c.notNull())
      .addColumn("from_ms", "bigint")
      .addColumn("until_ms", "bigint")
      .addColumn("set_at", "bigint", (c) => c.notNull())
      .addColumn("upcoming", "text")
      .addColumn("version", "integer", (c) => c.notNull())
      .addColumn("last_seq", "bigint", (c) => c.notNull())
      .addColumn("due_at", "bigint")
      .execute();
    await db.schema.createIndex("asset_status_due_idx").on("asset_status").column("due_at").execute();

    await db.schema
      .createTable("changes")
      .addColumn("seq", "bigint", (c) => c.primaryKey())
      .addColumn("asset_id", "text", (c) => c.notNull())
      .addColumn("layer", "text", (c) => c.notNull())
      .addColumn("kind", "text", (c) => c.notNull())
      .addColumn("at", "bigint", (c) => c.notNull())
      .addColumn("status", "text", (c) => c.notNull())
      .addColumn("previous", "text", (c) => c.notNull())
      .addColumn("actor_type", "text", (c) => c.notNull())
      .addColumn("actor_id", "text")
      .addColumn("actor_name", "text", (c) => c.notNull())
      .addColumn("ip", "text")
      .execute();
    await db.schema.createIndex("changes_asset_idx").on("changes").columns(["asset_id", "seq"]).execute();

    await db.schema
      .createTable("seq_counter")
      .addColumn("id", "integer", (c) => c.primaryKey())
      .addColumn("value", "bigint", (c) => c.notNull())
      .execute();
    await sql`insert into seq_counter (id, value) values (1, 0)`.execute(db);

    await db.schema
      .createTable("api_tokens")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("name", "text", (c) => c.notNull())
      .addColumn("token_hash", "text", (c) => c.notNull().unique())
      .addColumn("created_at", "bigint", (c) => c.notNull())
      .addColumn("expires_at", "bigint")
      .addColumn("revoked_at", "bigint")
      .addColumn("last_used_at", "bigint")
      .execute();
  },
};
