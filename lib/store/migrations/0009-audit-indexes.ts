import type { Kysely, Migration } from "kysely";

/** The audit log filters changes by who made them, by layer and by time, newest first. */
export const auditIndexesMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.createIndex("changes_actor_idx").on("changes").columns(["actor_type", "actor_id", "seq"]).execute();
    await db.schema.createIndex("changes_layer_idx").on("changes").columns(["layer", "seq"]).execute();
    await db.schema.createIndex("changes_at_idx").on("changes").column("at").execute();
  },
};
