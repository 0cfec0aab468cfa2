import type { Layer } from "@/lib/domain/layers";
import type { PublicStatus } from "@/lib/domain/status";
import type { EmbedParams } from "@/lib/embed/embed-params";

/** What the widget needs of a status; the rest of PublicStatus stays out of the page to keep it small. */
export type EmbedStatus = Pick<PublicStatus, "code" | "label" | "category" | "message" | "until">;

export interface EmbedAsset {
  id: string;
  layer: Layer;
  name: string;
  status: EmbedStatus;
}

/**
 * Everything the widget renders from, serialised into the page so the browser script hydrates
 * exactly what the server rendered and carries on live from `seq`.
 */
export interface EmbedState {
  seq: number;
  params: Pick<EmbedParams, "view" | "theme" | "only" | "limit">;
  layers: Layer[];
  title: string;
  mapUrl: string;
  /** When the data was read (ISO), shown as "Updated hh:mm" until the first live update. */
  updatedAt: string;
  licence: { name: string; url: string };
  assets: EmbedAsset[];
  /** Only for the map view. */
  tiles?: { url: string; attribution: string };
}

export const toEmbedStatus = ({ code, label, category, message, until }: EmbedStatus): EmbedStatus => ({ code, label, category, message, until });
