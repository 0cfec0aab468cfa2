import { LAYERS, type Layer } from "../domain/layer-names";
import { defaultCodeFor, describeStatus } from "../domain/status-codes";
import type { SummaryInput } from "../summary/layer-summary";

/**
 * Enough to keep the summary exact in the browser without shipping every asset: how many assets
 * each layer has, and the code of each asset whose status is not its layer's default. On a snow
 * morning that is the disrupted minority, so it stays small even with thousands of assets.
 */
export interface StatusIndex {
  totals: Record<Layer, number>;
  exceptions: Record<Layer, Record<string, string>>;
}

export interface IndexedStatus {
  id: string;
  layer: Layer;
  status: { code: string };
}

const emptyByLayer = <T>(make: () => T) => Object.fromEntries(LAYERS.map((l) => [l, make()])) as Record<Layer, T>;

export function buildStatusIndex(assets: Iterable<IndexedStatus>): StatusIndex {
  const index: StatusIndex = { totals: emptyByLayer(() => 0), exceptions: emptyByLayer(() => ({})) };
  for (const { id, layer, status } of assets) {
    index.totals[layer] += 1;
    if (status.code !== defaultCodeFor(layer)) index.exceptions[layer][id] = status.code;
  }
  return index;
}

/** Applies changes in order; returns a new index (React state) and leaves the old one alone. */
export function applyToStatusIndex(index: StatusIndex, changes: Iterable<{ assetId: string; layer: Layer; status: { code: string } }>): StatusIndex {
  const exceptions = { ...index.exceptions };
  for (const { assetId, layer, status } of changes) {
    const codes = (exceptions[layer] = exceptions[layer] === index.exceptions[layer] ? { ...exceptions[layer] } : exceptions[layer]);
    if (status.code === defaultCodeFor(layer)) delete codes[assetId];
    else codes[assetId] = status.code;
  }
  return { totals: index.totals, exceptions };
}

/** The index as the rows `summarise` counts: one per asset, defaults included. */
export function* summaryInputs(index: StatusIndex): Generator<SummaryInput> {
  for (const layer of LAYERS) {
    const codes = Object.values(index.exceptions[layer]);
    const defaultCode = defaultCodeFor(layer);
    const defaults = Math.max(0, index.totals[layer] - codes.length);
    const row = (code: string): SummaryInput => ({ layer, status: { code, category: describeStatus(layer, code).category } });
    for (let i = 0; i < defaults; i++) yield row(defaultCode);
    for (const code of codes) yield row(code);
  }
}
