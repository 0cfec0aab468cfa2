import { type Kysely, type Migration, type MigrationProvider, Migrator, sql } from "kysely";

/**
 * Versioned migrations, run on start. They are written once with Kysely's schema builder so that
 * both SQLite and PostgreSQL get the same tables; `bigint` is an integer in SQLite.
 */
const migrations: Record<string, Migration> = {
  "0001_core": {
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
  },
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

/**
 * `schema` must be given on PostgreSQL: without it Kysely looks for its bookkeeping tables in
 * every schema and is fooled by another schema's (say, a parallel test run's).
 */
export async function migrateToLatest(db: Kysely<unknown>, schema?: string): Promise<void> {
  const migrator = new Migrator({
    db,
    provider,
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === "Error");
  if (error || failed) {
    const reason = error instanceof Error ? error.message : String(error ?? "");
    throw new Error(`Database migration ${failed?.migrationName ?? ""} failed: ${reason}`);
  }
}
