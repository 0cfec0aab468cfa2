import type { Asset } from "../domain/assets";
import type { Store } from "../store/store";

/** The stored assets with these ids, whatever their layer, to tell adds from updates and catch ids taken by another layer. */
export async function findExistingAssets(store: Store, ids: string[]): Promise<Map<string, Asset>> {
  const found = await store.findAssets(ids);
  return new Map(found.map((asset) => [asset.id, asset]));
}
