import { describeAsset } from "../board/asset-detail";
import type { Layer } from "../domain/layers";
import type { PublicStatus } from "../domain/status";
import type { AssetSummaryWithStatus } from "../domain/status";

/** One asset in GET /api/v1/statuses: what a live page needs to show it, and nothing heavy. */
export interface PublicAssetStatus {
  id: string;
  layer: Layer;
  name: string;
  /** A short second line, e.g. "Priority 1 route · 8.2 km". */
  detail: string;
  status: PublicStatus;
}

export interface PublicStatusList {
  /** The change-log position these statuses reflect; resume live updates from here. */
  seq: number;
  assets: PublicAssetStatus[];
}

export function toPublicStatusList(assets: AssetSummaryWithStatus[], seq: number): PublicStatusList {
  return {
    seq,
    assets: assets.map(({ id, layer, name, attributes, status }) => ({ id, layer, name, detail: describeAsset(layer, attributes), status })),
  };
}
