"use client";

import { useCallback, useState } from "react";
import type { Change } from "@/lib/domain/change";
import type { PublicNotice } from "@/lib/domain/notices";
import type { PublicStatus } from "@/lib/domain/status";
import { fetchStatuses } from "./fetch-statuses";
import type { AssetSummary, ConnectionState } from "./live-types";
import { useLiveFeed } from "./use-live-feed";

export interface LiveStatuses {
  statuses: Record<string, PublicStatus>;
  connection: ConnectionState;
  /** When we last knew we held every change. */
  lastUpdated: Date | null;
  /** Changes applied most recently, for highlighting and announcements. */
  recentChanges: Change[];
  /** The council's notices as last sent live; null until the first message. */
  notices: PublicNotice[] | null;
}

/**
 * Holds the live status of a set of assets: starts from what the server rendered, then follows
 * the Socket.IO stream, resuming after every reconnect so nothing is missed.
 */
export function useLiveStatuses(initialSeq: number, initialAssets: AssetSummary[]): LiveStatuses {
  const [statuses, setStatuses] = useState(() => Object.fromEntries(initialAssets.map((a) => [a.id, a.status])));
  const [recentChanges, setRecentChanges] = useState<Change[]>([]);
  const [notices, setNotices] = useState<PublicNotice[] | null>(null);

  const onChanges = useCallback((changes: Change[]) => {
    setStatuses((current) => {
      const next = { ...current };
      for (const change of changes) next[change.assetId] = change.status;
      return next;
    });
    setRecentChanges(changes);
  }, []);

  const refetch = useCallback(async () => {
    const ids = Object.keys(statuses);
    const { seq, assets } = await fetchStatuses(ids.length > 0 && ids.length <= 200 ? { ids } : {});
    setStatuses((current) => ({ ...current, ...Object.fromEntries(assets.map((a) => [a.id, a.status])) }));
    return seq;
  }, [statuses]);

  const { connection, lastUpdated } = useLiveFeed(initialSeq, { onChanges, refetch, onNotices: setNotices });
  return { statuses, connection, lastUpdated, recentChanges, notices };
}
