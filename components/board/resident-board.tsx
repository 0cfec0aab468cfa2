"use client";

import { useRouter } from "next/navigation";
import { useCallback, useMemo, useTransition } from "react";
import { ConnectionStatus } from "../live/connection-status";
import { AssetList } from "../list/asset-list";
import { MapLegend } from "../map/map-legend";
import { MapPanel } from "../map/map-panel";
import { NoticeBanner } from "../notices/notice-banner";
import { MyPlaces } from "../places/my-places";
import { SummaryPanel } from "../summary/summary-panel";
import { BoardControls } from "./board-controls";
import type { BoardData, MapSettings } from "./board-types";
import { useBoardState } from "./use-board-state";
import { useSelection } from "./use-selection";

/**
 * The resident page: notices, summary, my places, search and filters, then the map and the
 * equivalent list. Rendered on the server with real statuses; live once its script runs.
 */
export function ResidentBoard({ data, map }: { data: BoardData; map: MapSettings }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const { selection, select } = useSelection();
  const board = useBoardState(data, selection?.id ?? null);
  const { statusOf, labelOf, loadAllStatuses } = board;

  const rowStatus = useMemo(() => {
    const map = new Map(data.groups.flatMap((g) => g.items.map((i) => [i.id, i.status] as const)));
    return (id: string) => statusOf(id, map.get(id));
  }, [data.groups, statusOf]);

  const navigate = useCallback(
    (href: string, { replace }: { replace: boolean }) =>
      startTransition(() => (replace ? router.replace(href, { scroll: false }) : router.push(href, { scroll: false }))),
    [router],
  );
  const onShowOnMap = useCallback(
    (id: string, trigger: HTMLElement) => {
      document.getElementById("map")?.scrollIntoView({ block: "start" });
      select(id, { trigger, reveal: true });
    },
    [select],
  );
  const onMapSelect = useCallback(
    (id: string | null, trigger?: HTMLElement | null, at?: [number, number]) => select(id, { trigger, at }),
    [select],
  );
  const onLoadMap = useCallback(() => {
    loadAllStatuses().catch((error: unknown) => console.warn("Snowline: could not load statuses for the map", error));
  }, [loadAllStatuses]);

  return (
    <>
      <NoticeBanner notices={board.notices} renderedAt={data.renderedAt} />
      <div className="board__status">
        <SummaryPanel index={board.index} />
        <ConnectionStatus connection={board.connection} lastUpdated={board.lastUpdated} />
      </div>
      {board.starred.length ? (
        <MyPlaces
          starred={board.starred}
          labelOf={labelOf}
          statusOf={rowStatus}
          highlighted={board.highlighted}
          onToggleStar={board.toggleStar}
          onShowOnMap={onShowOnMap}
        />
      ) : null}
      <BoardControls query={data.query} pending={pending} navigate={navigate} />
      <div className="board__main">
        <section className="map-section" id="map" aria-labelledby="map-heading">
          <h2 id="map-heading" className="visually-hidden">
            Map
          </h2>
          <MapPanel
            onLoad={onLoadMap}
            layers={data.query.layers}
            statusesReady={board.allLoaded}
            statusOf={rowStatus}
            labelOf={labelOf}
            selection={selection}
            starred={board.starred}
            onSelect={onMapSelect}
            onToggleStar={board.toggleStar}
            tileUrl={map.tileUrl}
            tileAttribution={map.tileAttribution}
            boundary={map.boundary}
          />
          <MapLegend layers={data.query.layers} />
        </section>
        <AssetList
          groups={data.groups}
          query={data.query}
          statusOf={statusOf}
          highlighted={board.highlighted}
          starred={board.starred}
          pending={pending}
          outdated={board.listOutdated}
          onRefresh={() => startTransition(() => router.refresh())}
          onToggleStar={board.toggleStar}
          onShowOnMap={onShowOnMap}
        />
      </div>
      <div className="visually-hidden" aria-live="polite" data-testid="announcer">
        {board.announcement}
      </div>
    </>
  );
}
