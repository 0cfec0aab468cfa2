import type { Layer } from "../domain/layer-names";
import { LAYERS } from "../domain/layer-names";
import type { StatusCategory } from "../domain/status-codes";

/** The least an asset needs for the summary: its layer and its status. */
export interface SummaryInput {
  layer: Layer;
  status: { code: string; category: StatusCategory };
}

export interface LayerSummary {
  layer: Layer;
  total: number;
  byCode: Record<string, number>;
  byCategory: Record<StatusCategory, number>;
  /** One short clause a resident reads at a glance, e.g. "14 schools closed, 3 partially open". */
  sentence: string;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function sentenceFor(layer: Layer, total: number, byCode: Record<string, number>): string {
  const n = (code: string) => byCode[code] ?? 0;
  switch (layer) {
    case "schools": {
      const parts = [
        n("closed") && `${plural(n("closed"), "school", "schools")} closed`,
        n("partially_open") && `${n("partially_open")} partially open`,
        n("late_opening") && `${n("late_opening")} opening late`,
        n("early_closure") && `${n("early_closure")} closing early`,
      ].filter(Boolean);
      if (parts.length) return parts.join(", ");
      return total === 1 ? "The school is open" : `All ${total} schools open`;
    }
    case "gritting": {
      const parts = [`${n("completed")} of ${plural(total, "route", "routes")} gritted`];
      if (n("in_progress")) parts.push(`${n("in_progress")} in progress`);
      if (n("suspended")) parts.push(`${n("suspended")} suspended`);
      return parts.join(", ");
    }
    case "bins": {
      const parts = [
        n("suspended") && `collections suspended in ${plural(n("suspended"), "area", "areas")}`,
        n("delayed") && `collections delayed in ${plural(n("delayed"), "area", "areas")}`,
        n("missed") && `collections missed in ${plural(n("missed"), "area", "areas")}`,
      ].filter(Boolean) as string[];
      if (!parts.length) return "Bin collections running normally";
      const [first, ...rest] = parts;
      return [first!.charAt(0).toUpperCase() + first!.slice(1), ...rest].join(", ");
    }
  }
}

/** Counts per layer, code and category, with a sentence for each layer (layers with no assets are left out). */
export function summarise(assets: Iterable<SummaryInput>): LayerSummary[] {
  const counts = new Map<Layer, { total: number; byCode: Record<string, number>; byCategory: Record<StatusCategory, number> }>();
  for (const { layer, status } of assets) {
    let entry = counts.get(layer);
    if (!entry) {
      entry = { total: 0, byCode: {}, byCategory: { ok: 0, disrupted: 0, closed: 0 } };
      counts.set(layer, entry);
    }
    entry.total += 1;
    entry.byCode[status.code] = (entry.byCode[status.code] ?? 0) + 1;
    entry.byCategory[status.category] += 1;
  }
  return LAYERS.filter((layer) => counts.has(layer)).map((layer) => {
    const { total, byCode, byCategory } = counts.get(layer)!;
    return { layer, total, byCode, byCategory, sentence: sentenceFor(layer, total, byCode) };
  });
}
