import * as z from "zod";
import { describeAsset } from "../board/asset-detail";
import { layerSchema } from "../domain/layers";
import { publicStatusSchema } from "../domain/status";
import type { AssetSummaryWithStatus } from "../domain/status";

/** One asset in GET /api/v1/statuses: what a live page needs to show it, and nothing heavy. */
export const publicAssetStatusSchema = z.object({
  id: z.string(),
  layer: layerSchema,
  name: z.string(),
  detail: z.string().describe('A short second line, e.g. "Priority 1 route · 8.2 km"'),
  status: publicStatusSchema,
});
export type PublicAssetStatus = z.infer<typeof publicAssetStatusSchema>;

export const publicStatusListSchema = z.object({
  seq: z.int().describe("The change-log position these statuses reflect; resume live updates from here"),
  assets: z.array(publicAssetStatusSchema),
});
export type PublicStatusList = z.infer<typeof publicStatusListSchema>;

export function toPublicStatusList(assets: AssetSummaryWithStatus[], seq: number): PublicStatusList {
  return {
    seq,
    assets: assets.map(({ id, layer, name, attributes, status }) => ({ id, layer, name, detail: describeAsset(layer, attributes), status })),
  };
}
