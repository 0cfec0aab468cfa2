import { LAYERS, type Layer } from "../domain/layer-names";

/**
 * What a resident is looking at, as it lives in the URL: layers shown, filters, search, page and
 * the selected asset. Framework- and zod-free so the browser bundle can build links with it; the
 * server parses incoming URLs with board-query-schema.ts.
 */
export const LIST_SORTS = ["name", "changed"] as const;
export type ListSort = (typeof LIST_SORTS)[number];

export interface BoardQuery {
  /** Layers shown on the map and in the list, in LAYERS order; never empty. */
  layers: Layer[];
  onlyDisrupted: boolean;
  sort: ListSort;
  /** Free text: school or road names, bin round streets or postcodes. */
  q: string;
  /** 1-based page of the list; only used when one layer is shown. */
  page: number;
  /** The asset whose details are open on the map. */
  asset: string | null;
}

export const SEARCH_MAX_LENGTH = 100;

export const DEFAULT_BOARD_QUERY: BoardQuery = {
  layers: [...LAYERS],
  onlyDisrupted: false,
  sort: "name",
  q: "",
  page: 1,
  asset: null,
};

/** The canonical URL query for a board state: defaults are left out so links stay short. */
export function toSearchParams(query: BoardQuery): URLSearchParams {
  const params = new URLSearchParams();
  if (query.layers.length && query.layers.length < LAYERS.length) {
    for (const layer of LAYERS) if (query.layers.includes(layer)) params.append("layer", layer);
  }
  if (query.onlyDisrupted) params.set("only", "disrupted");
  if (query.sort !== "name") params.set("sort", query.sort);
  if (query.q) params.set("q", query.q);
  if (query.page > 1) params.set("page", String(query.page));
  if (query.asset) params.set("asset", query.asset);
  return params;
}

/** A relative link ("?…" or "/") to the board with some of its state changed. */
export function boardHref(query: BoardQuery, patch: Partial<BoardQuery> = {}): string {
  const params = toSearchParams({ ...query, ...patch }).toString();
  return params ? `/?${params}` : "/";
}

/** True when what the list holds depends on statuses, so live changes can add or remove rows. */
export function listDependsOnStatuses(query: BoardQuery): boolean {
  return query.onlyDisrupted || query.sort === "changed";
}
