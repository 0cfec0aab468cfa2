import type { Layer } from "@/lib/domain/layer-names";
import type { PublicStatus } from "@/lib/domain/status";

/** What the list and popups need of an asset: everything but its geometry. */
export interface AssetSummary {
  id: string;
  layer: Layer;
  name: string;
  attributes: Record<string, unknown>;
  status: PublicStatus;
}

/** "outdated": the server refused this page's protocol version; only a reload connects again. */
export type ConnectionState = "connecting" | "live" | "reconnecting" | "offline" | "outdated";
