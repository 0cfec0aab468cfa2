import type { Kysely, Migration } from "kysely";

/** Who ended a notice, and from where, for the audit log (creation already records both). */
export const noticeAuditMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable("notices").addColumn("ended_by_type", "text").execute();
    await db.schema.alterTable("notices").addColumn("ended_by_id", "text").execute();
    await db.schema.alterTable("notices").addColumn("ended_ip", "text").execute();
  },
};
