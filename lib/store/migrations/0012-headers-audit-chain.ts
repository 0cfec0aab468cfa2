import { sql, type Kysely, type Migration } from "kysely";
import { changeHash, GENESIS_HASH, type ChainedChange } from "../../audit/audit-chain";

/**
 * Makes the change log tamper-evident: each entry keeps the asset's name at that moment (so a
 * rename does not rewrite history) and a hash of the previous entry and of its own content.
 * Entries written before this migration get today's name (the best that is known) and are chained
 * now, so a later edit of them is evident too.
 */
export const auditChainMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable("changes").addColumn("asset_name", "text").execute();
    await db.schema.alterTable("changes").addColumn("prev_hash", "text").execute();
    await db.schema.alterTable("changes").addColumn("hash", "text").execute();
    await sql`update changes set asset_name = coalesce((select name from assets where assets.id = changes.asset_id), changes.asset_id)`.execute(db);
    let prevHash = GENESIS_HASH;
    let after = 0;
    for (;;) {
      const { rows } = await sql<ChainedChange>`select * from changes where seq > ${after} order by seq limit 1000`.execute(db);
      if (!rows.length) break;
      for (const raw of rows) {
        const row = { ...raw, seq: Number(raw.seq), at: Number(raw.at) };
        const hash = changeHash(prevHash, row);
        await sql`update changes set prev_hash = ${prevHash}, hash = ${hash} where seq = ${row.seq}`.execute(db);
        prevHash = hash;
        after = row.seq;
      }
    }
  },
};
