import type { Change } from "../domain/change";
import type { DatasetVersion } from "../domain/dataset-version";
import type { Layer } from "../domain/layers";
import type { Db } from "./database";
import { changeFromRow, num } from "./rows";

const PUBLIC_CHANGE_COLUMNS = ["seq", "asset_id", "layer", "kind", "at", "status"] as const;
const READ_CHUNK = 500;

/** Read-only queries for the open-data feeds (Atom, CAP, CSV) and their conditional GETs. */
export function createOpenDataQueries(db: Db) {
  return {
    async datasetVersion(): Promise<DatasetVersion> {
      const head = await db.selectFrom("seq_counter").select("value").where("id", "=", 1).executeTakeFirstOrThrow();
      const seq = num(head.value);
      const change = seq
        ? await db.selectFrom("changes").select("at").where("seq", "=", seq).executeTakeFirst()
        : undefined;
      const assets = await db
        .selectFrom("assets")
        .select((eb) => [eb.fn.max("updated_at").as("updated"), eb.fn.countAll<number | string>().as("count")])
        .executeTakeFirstOrThrow();
      const changedAt = change ? num(change.at) : 0;
      const importedAt = assets.updated === null || assets.updated === undefined ? 0 : num(assets.updated as number);
      const lastModified = Math.max(changedAt, importedAt) || null;
      return { seq, lastModified, tag: `${seq}-${importedAt.toString(36)}-${num(assets.count)}` };
    },

    /** Changes whenever an import adds, renames or removes assets: the newest update time and the count. */
    async assetsStamp(): Promise<string> {
      const assets = await db
        .selectFrom("assets")
        .select((eb) => [eb.fn.max("updated_at").as("updated"), eb.fn.countAll<number | string>().as("count")])
        .executeTakeFirstOrThrow();
      return `${num((assets.updated as number | null) ?? 0)}-${num(assets.count)}`;
    },

    /** The newest public changes first, optionally of one layer. */
    async latestChanges(limit: number, layer?: Layer): Promise<Change[]> {
      let query = db.selectFrom("changes").select(PUBLIC_CHANGE_COLUMNS);
      if (layer) query = query.where("layer", "=", layer);
      const rows = await query.orderBy("seq", "desc").limit(limit).execute();
      return rows.map(changeFromRow);
    },

    /** Every public change of these assets, oldest first. */
    async changesForAssets(ids: readonly string[]): Promise<Change[]> {
      const changes: Change[] = [];
      for (let i = 0; i < ids.length; i += READ_CHUNK) {
        const rows = await db
          .selectFrom("changes")
          .select(PUBLIC_CHANGE_COLUMNS)
          .where("asset_id", "in", ids.slice(i, i + READ_CHUNK))
          .execute();
        changes.push(...rows.map(changeFromRow));
      }
      return changes.sort((a, b) => a.seq - b.seq);
    },

    /** Ids of assets with a change at or after `at` (epoch ms). */
    async assetsChangedSince(at: number): Promise<string[]> {
      const rows = await db.selectFrom("changes").select("asset_id").distinct().where("at", ">=", at).execute();
      return rows.map((r) => r.asset_id);
    },
  };
}

export type OpenDataQueries = ReturnType<typeof createOpenDataQueries>;
