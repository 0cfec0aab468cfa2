import { isDeepStrictEqual } from "node:util";
import type { Asset } from "../domain/assets";
import type { ImportAction, PlannedAsset, Rejection } from "./import-report";
import type { MappedAsset } from "./map-features";

export interface ImportPlan {
  planned: PlannedAsset[];
  /** Assets to write: the added and updated ones (unchanged ones are left alone). */
  writes: Asset[];
  rejected: Rejection[];
}

/** Compares mapped assets with what is stored: add, update, unchanged, or rejected when the id belongs to another layer. */
export function planImport(mapped: MappedAsset[], existing: Map<string, Asset>, idField: string | null): ImportPlan {
  const planned: PlannedAsset[] = [];
  const writes: Asset[] = [];
  const rejected: Rejection[] = [];
  for (const { asset, rows } of mapped) {
    const stored = existing.get(asset.id);
    if (stored && stored.layer !== asset.layer) {
      const message = `The id ${asset.id} already belongs to a ${stored.layer} asset ("${stored.name}")`;
      rejected.push(...rows.map((row) => ({ row, field: idField ?? "id", message })));
      continue;
    }
    let action: ImportAction = "add";
    if (stored) {
      const same = stored.name === asset.name && isDeepStrictEqual(stored.geometry, asset.geometry) && isDeepStrictEqual(stored.attributes, asset.attributes);
      action = same ? "unchanged" : "update";
    }
    planned.push({ id: asset.id, name: asset.name, action, rows });
    if (action !== "unchanged") writes.push(asset);
  }
  return { planned, writes, rejected };
}
