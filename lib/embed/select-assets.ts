import { LAYERS, type Layer } from "../domain/layers";
import type { StatusCategory } from "../domain/status-codes";
// Types only: the widget's browser script must not pull in the query schema.
import type { EmbedParams } from "./embed-params";

export const layersOf = (params: Pick<EmbedParams, "layers">): Layer[] => params.layers ?? [...LAYERS];

export interface EmbedAssetInput {
  id: string;
  layer: Layer;
  name: string;
  attributes: Record<string, unknown>;
  status: { category: StatusCategory };
}

/** The area an asset is in: its ward, or an "area" attribute for councils that use other names. */
export function areaOf(asset: Pick<EmbedAssetInput, "attributes">): string | null {
  const value = asset.attributes.ward ?? asset.attributes.area;
  return typeof value === "string" && value ? value : null;
}

const sameText = (a: string, b: string) => a.localeCompare(b, "en-GB", { sensitivity: "base" }) === 0;

/**
 * The assets a widget follows: its layers, narrowed to named ids and/or an area. What it shows at a
 * moment (only disrupted ones, up to `limit`) is decided on every update, since statuses move.
 */
export function assetsInScope<A extends EmbedAssetInput>(assets: A[], params: Pick<EmbedParams, "layers" | "ids" | "area">): A[] {
  const layers = layersOf(params);
  const ids = params.ids?.length ? new Set(params.ids) : null;
  const area = params.area;
  return assets.filter(
    (a) => layers.includes(a.layer) && (!ids || ids.has(a.id)) && (!area || sameText(areaOf(a) ?? "", area)),
  );
}

const CATEGORY_ORDER = { closed: 0, disrupted: 1, ok: 2 } as const;

/** What the list shows now: disrupted first (closed, then disrupted), then by name, up to `limit`. */
export function assetsToList<A extends { name: string; status: { category: StatusCategory } }>(
  assets: A[],
  params: Pick<EmbedParams, "only" | "limit">,
): { shown: A[]; total: number } {
  const matching = params.only === "disrupted" ? assets.filter((a) => a.status.category !== "ok") : assets;
  const sorted = [...matching].sort(
    (a, b) => CATEGORY_ORDER[a.status.category] - CATEGORY_ORDER[b.status.category] || a.name.localeCompare(b.name, "en-GB"),
  );
  return { shown: sorted.slice(0, params.limit), total: matching.length };
}
