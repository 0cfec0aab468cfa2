import type { Asset } from "../domain/assets";
import type { Layer } from "../domain/layers";
import { toPublicStatus, type AssetSummaryWithStatus, type AssetWithStatus } from "../domain/status";
import { initialState } from "../domain/transitions";
import type { Db } from "./database";
import { assetFromRow, stateFromRow, stateToRow } from "./rows";

const WRITE_CHUNK = 200;
const READ_CHUNK = 500;

/** The assets and their current statuses. */
export function createAssetRepository(db: Db) {
  return {
    /**
     * Adds new assets (with their layer's default status) and updates the name, geometry and attributes
     * of existing ones, keeping their status. All or nothing.
     */
    async upsertAssets(assets: Asset[], now: number): Promise<{ added: number; updated: number }> {
      return db.transaction().execute(async (trx) => {
        const ids = assets.map((a) => a.id);
        const existing = new Set<string>();
        for (let i = 0; i < ids.length; i += READ_CHUNK) {
          const rows = await trx.selectFrom("assets").select("id").where("id", "in", ids.slice(i, i + READ_CHUNK)).execute();
          rows.forEach((r) => existing.add(r.id));
        }
        for (let i = 0; i < assets.length; i += WRITE_CHUNK) {
          const part = assets.slice(i, i + WRITE_CHUNK);
          await trx
            .insertInto("assets")
            .values(
              part.map((a) => ({
                id: a.id,
                layer: a.layer,
                name: a.name,
                geometry: JSON.stringify(a.geometry),
                attributes: JSON.stringify(a.attributes),
                created_at: now,
                updated_at: now,
              })),
            )
            .onConflict((oc) =>
              oc.column("id").doUpdateSet((eb) => ({
                name: eb.ref("excluded.name"),
                geometry: eb.ref("excluded.geometry"),
                attributes: eb.ref("excluded.attributes"),
                updated_at: eb.ref("excluded.updated_at"),
              })),
            )
            .execute();
          const fresh = part.filter((a) => !existing.has(a.id));
          if (fresh.length) {
            await trx
              .insertInto("asset_status")
              .values(fresh.map((a) => stateToRow(a.id, initialState(a.layer, now))))
              .execute();
          }
        }
        const added = assets.filter((a) => !existing.has(a.id)).length;
        return { added, updated: assets.length - added };
      });
    },

    async countAssets(): Promise<number> {
      const row = await db.selectFrom("assets").select((eb) => eb.fn.countAll<number | string>().as("n")).executeTakeFirstOrThrow();
      return Number(row.n);
    },

    async listAssets(filter: { layer?: Layer } = {}): Promise<AssetWithStatus[]> {
      let query = db.selectFrom("assets").innerJoin("asset_status", "asset_status.asset_id", "assets.id").selectAll();
      if (filter.layer) query = query.where("assets.layer", "=", filter.layer);
      const rows = await query.orderBy("assets.layer").orderBy("assets.name").orderBy("assets.id").execute();
      return rows.map((row) => {
        const asset = assetFromRow(row);
        return { ...asset, status: toPublicStatus(asset.layer, stateFromRow(row)) };
      });
    },

    async getAsset(id: string): Promise<AssetWithStatus | null> {
      const row = await db
        .selectFrom("assets")
        .innerJoin("asset_status", "asset_status.asset_id", "assets.id")
        .selectAll()
        .where("assets.id", "=", id)
        .executeTakeFirst();
      if (!row) return null;
      const asset = assetFromRow(row);
      return { ...asset, status: toPublicStatus(asset.layer, stateFromRow(row)) };
    },

    /** The stored assets among `ids`, whatever their layer, without their statuses (an import tells adds from updates with them). */
    async findAssets(ids: readonly string[]): Promise<Asset[]> {
      const found: Asset[] = [];
      const unique = [...new Set(ids)];
      for (let i = 0; i < unique.length; i += READ_CHUNK) {
        const rows = await db.selectFrom("assets").selectAll().where("id", "in", unique.slice(i, i + READ_CHUNK)).execute();
        found.push(...rows.map(assetFromRow));
      }
      return found;
    },

    /** The id, layer and name of each asset that exists among `ids`, for permission checks. */
    async assetRefs(ids: readonly string[]): Promise<{ id: string; layer: Layer; name: string }[]> {
      const refs: { id: string; layer: Layer; name: string }[] = [];
      const unique = [...new Set(ids)];
      for (let i = 0; i < unique.length; i += READ_CHUNK) {
        const rows = await db.selectFrom("assets").select(["id", "layer", "name"]).where("id", "in", unique.slice(i, i + READ_CHUNK)).execute();
        refs.push(...rows.map((r) => ({ id: r.id, layer: r.layer as Layer, name: r.name })));
      }
      return refs;
    },

    /**
     * Like listAssets without the geometry, which is most of the bytes (a gritting route holds
     * hundreds of vertices): public pages render every request from this, the map fetches shapes once.
     */
    async listAssetSummaries(filter: { layer?: Layer; ids?: readonly string[] } = {}): Promise<AssetSummaryWithStatus[]> {
      if (filter.ids && !filter.ids.length) return [];
      let query = db
        .selectFrom("assets")
        .innerJoin("asset_status", "asset_status.asset_id", "assets.id")
        .select(["assets.id", "assets.layer", "assets.name", "assets.attributes"])
        .selectAll("asset_status");
      if (filter.layer) query = query.where("assets.layer", "=", filter.layer);
      if (filter.ids) query = query.where("assets.id", "in", [...filter.ids]);
      const rows = await query.orderBy("assets.layer").orderBy("assets.name").orderBy("assets.id").execute();
      return rows.map((row) => {
        const layer = row.layer as Layer;
        return { id: row.id, layer, name: row.name, attributes: JSON.parse(row.attributes), status: toPublicStatus(layer, stateFromRow(row)) };
      });
    },
  };
}

export type AssetRepository = ReturnType<typeof createAssetRepository>;
