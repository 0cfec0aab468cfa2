import type { Asset } from "../domain/assets";
import type { Layer } from "../domain/layers";
import type { Store } from "../store/store";

const CHUNK = 500;

/** The stored assets with these ids, whatever their layer, to tell adds from updates and catch ids taken by another layer. */
export async function findExistingAssets(store: Store, ids: string[]): Promise<Map<string, Asset>> {
  const found = new Map<string, Asset>();
  for (let i = 0; i < ids.length; i += CHUNK) {
    const rows = await store.db
      .selectFrom("assets")
      .select(["id", "layer", "name", "geometry", "attributes"])
      .where("id", "in", ids.slice(i, i + CHUNK))
      .execute();
    for (const row of rows) {
      found.set(row.id, {
        id: row.id,
        layer: row.layer as Layer,
        name: row.name,
        geometry: JSON.parse(row.geometry),
        attributes: JSON.parse(row.attributes),
      });
    }
  }
  return found;
}
