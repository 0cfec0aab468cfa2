import type { Kysely, Migration } from "kysely";

/**
 * Idempotency keys of write requests, per caller: the request's hash, the batch it stored (written
 * in the batch's own transaction) and the answer it got, so a retry gets the same answer.
 */
export const idempotencyKeysMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable("idempotency_keys")
      .addColumn("scope", "text", (c) => c.notNull())
      .addColumn("key", "text", (c) => c.notNull())
      .addColumn("request_hash", "text", (c) => c.notNull())
      .addColumn("created_at", "bigint", (c) => c.notNull())
      .addColumn("from_seq", "bigint")
      .addColumn("to_seq", "bigint")
      .addColumn("status", "integer")
      .addColumn("body", "text")
      .addPrimaryKeyConstraint("idempotency_keys_pk", ["scope", "key"])
      .execute();
    await db.schema.createIndex("idempotency_keys_created_idx").on("idempotency_keys").column("created_at").execute();
  },
};
