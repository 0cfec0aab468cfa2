import type { BoardQuery } from "@/lib/board/board-query";
import type { ListGroup } from "@/lib/board/list-view";
import type { StatusIndex } from "@/lib/board/status-index";
import type { MultiPolygon, Polygon } from "@/lib/domain/geometry";
import type { Layer } from "@/lib/domain/layer-names";
import type { PublicNotice } from "@/lib/domain/notices";

/** Everything the resident page renders with, read once per request by the server. */
export interface BoardData {
  seq: number;
  query: BoardQuery;
  groups: ListGroup[];
  index: StatusIndex;
  notices: PublicNotice[];
  /** Server time of the render, so notices filter the same in the HTML and after hydration. */
  renderedAt: number;
}

export interface MapSettings {
  tileUrl: string;
  tileAttribution: string;
  boundary: Polygon | MultiPolygon | null;
}

/** What the board knows about an asset that is not in the list rows: for the map, places and announcements. */
export interface AssetLabel {
  name: string;
  layer: Layer;
  detail: string;
}
