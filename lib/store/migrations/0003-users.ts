import type { Kysely, Migration } from "kysely";

/** Console accounts, and the one-time sign-in links that let a new user set a password. */
export const usersMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable("users")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("email", "text", (c) => c.notNull().unique())
      .addColumn("name", "text", (c) => c.notNull())
      .addColumn("role", "text", (c) => c.notNull())
      // JSON arrays: the layers an officer may change, the assets a site editor may change.
      .addColumn("layers", "text", (c) => c.notNull())
      .addColumn("assets", "text", (c) => c.notNull())
      .addColumn("password_hash", "text")
      .addColumn("created_at", "bigint", (c) => c.notNull())
      .addColumn("updated_at", "bigint", (c) => c.notNull())
      .addColumn("disabled_at", "bigint")
      .addColumn("last_sign_in_at", "bigint")
      .execute();

    await db.schema
      .createTable("sign_in_links")
      .addColumn("token_hash", "text", (c) => c.primaryKey())
      .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
      .addColumn("created_at", "bigint", (c) => c.notNull())
      .addColumn("expires_at", "bigint", (c) => c.notNull())
      .addColumn("used_at", "bigint")
      .execute();
  },
};
