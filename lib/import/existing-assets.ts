import type { Asset } from "../domain/assets";
import type { Store } from "../store/store";

/** What an import needs of the store to plan: the stored assets among some ids. */
export type AssetFinder = Pick<Store, "findAssets">;

/** The stored assets with these ids, whatever their layer, to tell adds from updates and catch ids taken by another layer. */
export async function findExistingAssets(finder: AssetFinder, ids: string[]): Promise<Map<string, Asset>> {
  const found = await finder.findAssets(ids);
  return new Map(found.map((asset) => [asset.id, asset]));
}
