/** @jsxImportSource preact */
import type { ComponentType } from "preact";
import { LAYER_LABELS } from "@/lib/domain/layers";
import { assetsToList } from "@/lib/embed/select-assets";
import { OUTDATED_PAGE_MESSAGE } from "@/lib/realtime/protocol-version";
import { summarise } from "@/lib/summary/layer-summary";
import { formatDateTime, formatTime } from "../status/format-time";
import { styleFor } from "../status/status-style";
import type { EmbedAsset, EmbedState } from "./embed-state";

/**
 * The widget's markup, in Preact rather than React: the server renders it to a string and the
 * browser hydrates it with a few KB of script, where React and Next's runtime would be ~120 KB.
 */
/** "outdated": the server refused this widget's protocol version; only a reload connects again. */
export type EmbedConnection = "live" | "reconnecting" | "outdated";

export interface EmbedViewProps {
  state: EmbedState;
  assets: EmbedAsset[];
  updatedAt: string;
  /** The last live change in words, for screen readers. */
  announcement: string;
  /** Known only in the browser; the server-rendered page says nothing about it. */
  connection?: EmbedConnection;
  /** The map view's map, which only the map bundle provides. */
  MapView?: ComponentType<{ assets: EmbedAsset[]; state: EmbedState }>;
}

function Summary({ assets }: { assets: EmbedAsset[] }) {
  const summaries = summarise(assets);
  if (!summaries.length) return <p class="snw__empty">Nothing to show for these settings.</p>;
  return (
    <ul class="snw__summary">
      {summaries.map((s) => (
        <li key={s.layer} class="snw__layer" data-layer={s.layer}>
          <h2 class="snw__layer-name">{LAYER_LABELS[s.layer].plural}</h2>
          <p class="snw__sentence">{s.sentence}</p>
          <p class="snw__counts">
            <span class="snw__count snw__count--closed">{s.byCategory.closed} closed</span>
            <span class="snw__count snw__count--disrupted">{s.byCategory.disrupted} disrupted</span>
            <span class="snw__count snw__count--ok">{s.byCategory.ok} as normal</span>
          </p>
        </li>
      ))}
    </ul>
  );
}

function List({ assets, state }: { assets: EmbedAsset[]; state: EmbedState }) {
  const { shown, total } = assetsToList(assets, state.params);
  if (!shown.length) {
    return <p class="snw__empty">{state.params.only === "disrupted" ? "No disruptions reported." : "Nothing to show for these settings."}</p>;
  }
  return (
    <>
      <ul class="snw__list">
        {shown.map((asset) => (
          <li key={asset.id} class="snw__item" data-asset-id={asset.id} data-status={asset.status.code}>
            <span class="snw__name">{asset.name}</span>{" "}
            <span class={`snw__status snw__status--${asset.status.category}`}>
              <span aria-hidden="true">{styleFor(asset.status.code).glyph} </span>
              {asset.status.label}
            </span>
            {asset.status.message ? <span class="snw__message">{asset.status.message}</span> : null}
            {asset.status.until ? <span class="snw__until">Until {formatDateTime(asset.status.until)}</span> : null}
          </li>
        ))}
      </ul>
      {total > shown.length ? (
        <p class="snw__more">
          {total - shown.length} more on the{" "}
          <a href={state.mapUrl} target="_blank" rel="noopener">
            full map
          </a>
          .
        </p>
      ) : null}
    </>
  );
}

const CONNECTION_LABELS: Record<EmbedConnection, string> = { live: "Live", reconnecting: "Reconnecting…", outdated: OUTDATED_PAGE_MESSAGE };

export function EmbedView({ state, assets, updatedAt, announcement, connection, MapView }: EmbedViewProps) {
  const view = state.params.view;
  return (
    <main class={`snw snw--${state.params.theme}`}>
      <header class="snw__header">
        <h1 class="snw__title">{state.title}</h1>
        <p class="snw__meta">
          {connection ? (
            <>
              <span class={`snw__connection snw__connection--${connection}`} data-testid="embed-connection">
                {CONNECTION_LABELS[connection]}
              </span>
              {" · "}
            </>
          ) : null}
          <span class="snw__updated" data-testid="embed-updated">
            Updated {formatTime(updatedAt)}
          </span>
          {" · "}
          <a href={state.mapUrl} target="_blank" rel="noopener">
            See the full map
          </a>
        </p>
      </header>
      {view === "summary" ? <Summary assets={assets} /> : null}
      {view === "map" ? MapView ? <MapView assets={assets} state={state} /> : <div class="snw__map" /> : null}
      {view === "list" || view === "map" ? <List assets={assets} state={state} /> : null}
      <p class="snw__sr" aria-live="polite">
        {announcement}
      </p>
      <footer class="snw__footer">
        Live data:{" "}
        <a href={state.licence.url} target="_blank" rel="noopener license">
          {state.licence.name}
        </a>
      </footer>
    </main>
  );
}
