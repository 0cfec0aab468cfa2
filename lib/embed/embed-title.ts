import { LAYERS, LAYER_LABELS, type Layer } from "../domain/layers";
import type { EmbedParams } from "./embed-params";

/** The widget's heading: "Schools in Sale West", "Ashdown Primary", "Winter service status". */
export function embedTitle(layers: Layer[], params: Pick<EmbedParams, "ids" | "area" | "only">, inScope: { name: string }[]): string {
  if (params.ids?.length === 1 && inScope.length === 1) return inScope[0]!.name;
  const what = layers.length === LAYERS.length ? "Winter service status" : layers.map((l, i) => (i ? LAYER_LABELS[l].plural.toLowerCase() : LAYER_LABELS[l].plural)).join(" and ");
  const prefix = params.only !== "disrupted" ? what : layers.length === LAYERS.length ? "Winter service disruptions" : `${what}: disruptions`;
  return params.area ? `${prefix} in ${params.area}` : prefix;
}
