import type { Layer } from "../domain/layer-names";
import type { PublicStatus } from "../domain/status";
import { describeAsset } from "./asset-detail";
import { searchAsset, type SearchMatch } from "./asset-search";
import type { BoardQuery } from "./board-query";

/** What the list needs of an asset (no geometry). */
export interface ListSource {
  id: string;
  layer: Layer;
  name: string;
  attributes: Record<string, unknown>;
  status: PublicStatus;
}

/** One row of the list, small because every row travels in the page twice (HTML and hydration data). */
export interface ListItem {
  id: string;
  layer: Layer;
  name: string;
  detail: string;
  status: PublicStatus;
  /** The street or postcode a search matched, when it was not the name. */
  match?: { field: "street" | "postcode"; text: string };
}

export interface ListGroup {
  layer: Layer;
  /** Assets in the layer, before any filter. */
  total: number;
  /** Assets that pass the filter and search. */
  matching: number;
  page: number;
  pageCount: number;
  items: ListItem[];
}

/** Rows in one page of a single layer: most councils' whole list, and a sane page at any scale. */
export const LIST_PAGE_SIZE = 100;
/**
 * Rows per layer when several layers are shown, each group ending in a link to all of it. Every
 * row costs the phone HTML, hydration data and hydration work; search and the summary links
 * reach the rest.
 */
export const OVERVIEW_PAGE_SIZE = 20;

const nameOrder = new Intl.Collator("en-GB", { numeric: true, sensitivity: "base" });

export function isDisrupted(status: Pick<PublicStatus, "category">): boolean {
  return status.category !== "ok";
}

function compare(sort: BoardQuery["sort"]) {
  return (a: ListItem, b: ListItem) =>
    sort === "changed"
      ? Date.parse(b.status.setAt) - Date.parse(a.status.setAt) || nameOrder.compare(a.name, b.name)
      : nameOrder.compare(a.name, b.name) || a.id.localeCompare(b.id);
}

/**
 * The list for a board query: the chosen layers in order, each filtered, searched, sorted and cut
 * to a page. With several layers each shows its first page; pick one layer to page through it.
 */
export function buildListView(
  assets: Iterable<ListSource>,
  query: BoardQuery,
  pageSize = query.layers.length > 1 ? OVERVIEW_PAGE_SIZE : LIST_PAGE_SIZE,
): ListGroup[] {
  const byLayer = new Map<Layer, { total: number; items: ListItem[] }>(query.layers.map((layer) => [layer, { total: 0, items: [] }]));
  for (const asset of assets) {
    const group = byLayer.get(asset.layer);
    if (!group) continue;
    group.total += 1;
    if (query.onlyDisrupted && !isDisrupted(asset.status)) continue;
    const match: SearchMatch | null = searchAsset(asset, query.q);
    if (!match) continue;
    group.items.push({
      id: asset.id,
      layer: asset.layer,
      name: asset.name,
      detail: describeAsset(asset.layer, asset.attributes),
      status: asset.status,
      ...(match.field === "name" ? {} : { match }),
    });
  }
  return query.layers.map((layer) => {
    const { total, items } = byLayer.get(layer)!;
    const pageCount = Math.max(1, Math.ceil(items.length / pageSize));
    const page = query.layers.length === 1 ? Math.min(query.page, pageCount) : 1;
    items.sort(compare(query.sort));
    return { layer, total, matching: items.length, page, pageCount, items: items.slice((page - 1) * pageSize, page * pageSize) };
  });
}
