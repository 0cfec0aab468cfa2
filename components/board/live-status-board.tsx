"use client";

import { useMemo } from "react";
import { LAYERS, LAYER_LABELS } from "@/lib/domain/layers";
import type { AssetSummary } from "../live/live-types";
import { useLiveStatuses } from "../live/use-live-statuses";
import { StatusMapLoader } from "../map/status-map-loader";
import { StatusDetails } from "../status/status-details";
import { formatTime } from "../status/format-time";

export interface LiveStatusBoardProps {
  initialSeq: number;
  assets: AssetSummary[];
  tileUrl: string;
  tileAttribution: string;
}

const CONNECTION_LABELS = {
  connecting: "Connecting…",
  live: "Live",
  reconnecting: "Reconnecting…",
  offline: "Offline",
} as const;

/** The public map and its equivalent list, both kept live. */
export function LiveStatusBoard({ initialSeq, assets, tileUrl, tileAttribution }: LiveStatusBoardProps) {
  const { statuses, connection, lastUpdated } = useLiveStatuses(initialSeq, assets);
  const live = useMemo(() => assets.map((a) => ({ ...a, status: statuses[a.id] ?? a.status })), [assets, statuses]);

  return (
    <>
      <p className={`connection connection--${connection}`} data-testid="connection-state">
        <span className="connection__dot" aria-hidden="true" />
        {CONNECTION_LABELS[connection]}
        {lastUpdated ? <> · last updated {formatTime(lastUpdated)}</> : null}
      </p>
      <section aria-label="Map" className="map-section">
        <StatusMapLoader assets={live} tileUrl={tileUrl} tileAttribution={tileAttribution} />
      </section>
      <section aria-labelledby="list-heading" className="list-section">
        <h2 id="list-heading">All statuses</h2>
        {LAYERS.map((layer) => {
          const items = live.filter((a) => a.layer === layer);
          return (
            <section key={layer} aria-labelledby={`list-${layer}`}>
              <h3 id={`list-${layer}`}>
                {LAYER_LABELS[layer].plural} ({items.length})
              </h3>
              <ul className="asset-list">
                {items.map((asset) => (
                  <li key={asset.id} className="asset-list__item" data-asset-id={asset.id}>
                    <h4 className="asset-list__name">{asset.name}</h4>
                    <StatusDetails status={asset.status} />
                  </li>
                ))}
              </ul>
            </section>
          );
        })}
      </section>
    </>
  );
}
