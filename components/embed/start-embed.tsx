/** @jsxImportSource preact */
import { hydrate, type ComponentType } from "preact";
import type { EmbedAsset, EmbedState } from "./embed-state";
import { LiveEmbed } from "./live-embed";

const ROOT_ID = "snowline-embed";

/** Hydrates the server-rendered widget with the state the server put beside it. */
export function startEmbed(MapView?: ComponentType<{ assets: EmbedAsset[]; state: EmbedState }>): void {
  const root = document.getElementById(ROOT_ID);
  const raw = root?.dataset.state;
  if (!root || !raw) return;
  hydrate(<LiveEmbed state={JSON.parse(raw) as EmbedState} MapView={MapView} />, root);
}
