"use client";

import { useEffect, useRef, useState } from "react";
import type { Change } from "@/lib/domain/change";
import type { PublicNotice } from "@/lib/domain/notices";
import type { ConnectionState } from "./live-types";

export interface LiveFeedHandlers {
  onChanges(changes: Change[]): void;
  refetch(): Promise<number>;
  onNotices?(notices: PublicNotice[]): void;
}

export interface LiveFeed {
  connection: ConnectionState;
  /** When we last knew we held every change: a resume, a change or a heartbeat. */
  lastUpdated: Date | null;
}

/**
 * Follows the live stream from `initialSeq`. The connection code is imported once the page is
 * interactive; handlers may change between renders (the latest ones are called).
 */
export function useLiveFeed(initialSeq: number, handlers: LiveFeedHandlers): LiveFeed {
  const [connection, setConnection] = useState<ConnectionState>("connecting");
  const [lastUpdated, setLastUpdated] = useState<Date | null>(null);
  const handlersRef = useRef(handlers);
  const initialSeqRef = useRef(initialSeq);

  useEffect(() => {
    handlersRef.current = handlers;
  });

  useEffect(() => {
    let stop: (() => void) | null = null;
    let cancelled = false;
    const connect = () =>
      import("./live-connection").then(({ startLiveConnection }) => {
        if (cancelled) return;
        stop = startLiveConnection({
          initialSeq: initialSeqRef.current,
          onChanges: (changes) => handlersRef.current.onChanges(changes),
          refetch: () => handlersRef.current.refetch(),
          onNotices: (notices) => handlersRef.current.onNotices?.(notices),
          onState: setConnection,
          onSynced: () => setLastUpdated(new Date()),
        });
      });
    // Connect once the browser is idle after hydration (within a second at most), so a phone
    // paints and responds before it parses the socket client. Safari has no requestIdleCallback.
    const hasIdle = typeof window.requestIdleCallback === "function";
    const handle = hasIdle ? window.requestIdleCallback(() => void connect(), { timeout: 1000 }) : window.setTimeout(() => void connect(), 1);
    return () => {
      cancelled = true;
      if (hasIdle) window.cancelIdleCallback(handle);
      else window.clearTimeout(handle);
      stop?.();
    };
  }, []);

  return { connection, lastUpdated };
}
