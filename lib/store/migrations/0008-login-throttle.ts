import type { Kysely, Migration } from "kysely";

/**
 * Counters for sign-in throttling, in the layout rate-limiter-flexible's SQLite and PostgreSQL
 * stores expect (they are told the table exists, so nodes never race to create it). With
 * REDIS_URL the counters live in Redis instead and this table stays empty.
 */
export const loginThrottleMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable("login_throttle")
      .addColumn("key", "varchar(255)", (c) => c.primaryKey())
      .addColumn("points", "integer", (c) => c.notNull().defaultTo(0))
      .addColumn("expire", "bigint")
      .execute();
  },
};
