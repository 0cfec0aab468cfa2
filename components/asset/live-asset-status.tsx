"use client";

import { useMemo } from "react";
import type { AssetSummary } from "../live/live-types";
import { ConnectionStatus } from "../live/connection-status";
import { useLiveStatuses } from "../live/use-live-statuses";
import { StarButton } from "../places/star-button";
import { useStarred } from "../places/use-starred";
import { StatusDetails } from "../status/status-details";

/** An asset page's status, kept live like the board, with the star that puts it in My places. */
export function LiveAssetStatus({ initialSeq, asset }: { initialSeq: number; asset: AssetSummary }) {
  const assets = useMemo(() => [asset], [asset]);
  const { statuses, connection, lastUpdated, recentChanges } = useLiveStatuses(initialSeq, assets);
  const status = statuses[asset.id] ?? asset.status;
  const changed = recentChanges.some((c) => c.assetId === asset.id);
  const { starred, toggle } = useStarred();
  return (
    <section aria-labelledby="status-heading" className={`asset-status asset-row--${status.category}${changed ? " is-changed" : ""}`} data-testid="asset-status">
      <h2 id="status-heading">Status now</h2>
      <StatusDetails status={status} />
      <div aria-live="polite" className="visually-hidden">
        {changed ? `Updated: ${asset.name} is now ${status.label}. ${status.message}` : ""}
      </div>
      <ConnectionStatus connection={connection} lastUpdated={lastUpdated} />
      <div className="needs-js">
        <StarButton name={asset.name} isStarred={starred.includes(asset.id)} onToggle={() => toggle(asset.id)} />
      </div>
    </section>
  );
}
