"use client";

import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { announceChanges } from "@/lib/board/announcements";
import { listDependsOnStatuses } from "@/lib/board/board-query";
import { applyToStatusIndex, buildStatusIndex } from "@/lib/board/status-index";
import type { Change } from "@/lib/domain/change";
import type { PublicNotice } from "@/lib/domain/notices";
import type { PublicStatus } from "@/lib/domain/status";
import { fetchStatuses, type PublicAssetStatus } from "../live/fetch-statuses";
import { useLiveFeed } from "../live/use-live-feed";
import { useStarred } from "../places/use-starred";
import type { AssetLabel, BoardData } from "./board-types";

const HIGHLIGHT_MS = 4000;

/** Keeps the newer of two statuses of one asset: versions only grow, whatever order data arrives in. */
export function newer(a: PublicStatus | undefined, b: PublicStatus | undefined): PublicStatus | undefined {
  if (!a) return b;
  if (!b) return a;
  return b.version > a.version ? b : a;
}

function mergeStatuses(current: Record<string, PublicStatus>, incoming: Iterable<{ id: string; status: PublicStatus }>) {
  let next: Record<string, PublicStatus> | null = null;
  for (const { id, status } of incoming) {
    if (newer(current[id], status) !== status || current[id] === status) continue;
    next ??= { ...current };
    next[id] = status;
  }
  return next ?? current;
}

function labelsOf(assets: readonly PublicAssetStatus[]): Record<string, AssetLabel> {
  return Object.fromEntries(assets.map(({ id, name, layer, detail }) => [id, { name, layer, detail }]));
}

/**
 * The resident board's live state: statuses newer than the server render, the summary index,
 * notices, highlights, announcements and starred places. Server data arrives as props (again on
 * every filter change); live data is kept across those navigations and wins when newer.
 */
export function useBoardState(data: BoardData, selected: string | null) {
  const [live, setLive] = useState<Record<string, PublicStatus>>({});
  const [labels, setLabels] = useState<Record<string, AssetLabel>>({});
  const [index, setIndex] = useState(data.index);
  const [notices, setNotices] = useState(data.notices);
  const [highlighted, setHighlighted] = useState<ReadonlySet<string>>(new Set());
  const [announcement, setAnnouncement] = useState("");
  const [listOutdated, setListOutdated] = useState(0);
  const [allLoaded, setAllLoaded] = useState(false);
  const { starred, toggle: toggleStar } = useStarred();

  // After a filter change or refresh the server sends rows for the query: they are current again.
  const [rowsSeen, setRowsSeen] = useState(data.groups);
  if (rowsSeen !== data.groups) {
    setRowsSeen(data.groups);
    setListOutdated(0);
  }

  const rowLabels = useMemo(() => {
    const map: Record<string, AssetLabel> = {};
    for (const group of data.groups) for (const item of group.items) map[item.id] = { name: item.name, layer: item.layer, detail: item.detail };
    return map;
  }, [data.groups]);
  const labelOf = useCallback((id: string): AssetLabel | undefined => rowLabels[id] ?? labels[id], [rowLabels, labels]);

  // Handlers run from socket callbacks: they read the latest render's values through a ref.
  const latest = useRef({ data, selected, starred, labelOf });
  useEffect(() => {
    latest.current = { data, selected, starred, labelOf };
  });

  const highlightTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const onChanges = useCallback((changes: Change[]) => {
    const { data: current, selected: open, starred: stars, labelOf: nameSource } = latest.current;
    setLive((prev) => mergeStatuses(prev, changes.map((c) => ({ id: c.assetId, status: c.status }))));
    setIndex((prev) => applyToStatusIndex(prev, changes));
    setHighlighted(new Set(changes.map((c) => c.assetId)));
    if (highlightTimer.current) clearTimeout(highlightTimer.current);
    highlightTimer.current = setTimeout(() => setHighlighted(new Set()), HIGHLIGHT_MS);

    const visible = new Set(current.groups.flatMap((g) => g.items.map((i) => i.id)));
    if (open) visible.add(open);
    const text = announceChanges(changes, { starred: new Set(stars), visible, nameOf: (id) => nameSource(id)?.name });
    if (text) setAnnouncement(text);
    if (listDependsOnStatuses(current.query)) {
      const shown = new Set(current.query.layers);
      setListOutdated((n) => n + changes.filter((c) => shown.has(c.layer)).length);
    }
  }, []);

  const refetch = useCallback(async () => {
    const { seq, assets } = await fetchStatuses();
    setLive(Object.fromEntries(assets.map((a) => [a.id, a.status])));
    setIndex(buildStatusIndex(assets));
    setLabels(labelsOf(assets));
    setAllLoaded(true);
    return seq;
  }, []);

  const noticesRef = useRef(notices);
  const onNotices = useCallback((next: PublicNotice[]) => {
    const known = new Set(noticesRef.current.map((n) => n.id));
    const fresh = next.filter((n) => !known.has(n.id));
    noticesRef.current = next;
    setNotices(next);
    if (fresh.length) setAnnouncement(`New notice: ${fresh.map((n) => n.text).join(" ")}`);
  }, []);

  const feed = useLiveFeed(data.seq, { onChanges, refetch, onNotices });

  const mergeFetched = useCallback((assets: PublicAssetStatus[], isAll: boolean) => {
    setLive((prev) => mergeStatuses(prev, assets));
    setLabels((prev) => ({ ...prev, ...labelsOf(assets) }));
    if (isAll) setAllLoaded(true);
  }, []);
  const loadAllStatuses = useCallback(async () => {
    try {
      mergeFetched((await fetchStatuses()).assets, true);
    } finally {
      // Even without them the map should draw: rows on screen and live changes still colour it.
      setAllLoaded(true);
    }
  }, [mergeFetched]);

  // Starred places outside the current rows need their names and statuses fetched once.
  const missingStarred = starred.filter((id) => !rowLabels[id] && !labels[id]);
  const missingKey = missingStarred.join(",");
  useEffect(() => {
    if (!missingKey || allLoaded) return;
    fetchStatuses({ ids: missingKey.split(",") }).then(
      ({ assets }) => mergeFetched(assets, false),
      (error: unknown) => console.warn("Snowline: could not load starred places", error),
    );
  }, [missingKey, allLoaded, mergeFetched]);

  const statusOf = useCallback((id: string, rendered?: PublicStatus) => newer(rendered, live[id]), [live]);

  return {
    ...feed,
    live,
    index,
    notices,
    highlighted,
    announcement,
    listOutdated,
    allLoaded,
    starred,
    toggleStar,
    labelOf,
    statusOf,
    loadAllStatuses,
  };
}

export type BoardState = ReturnType<typeof useBoardState>;
