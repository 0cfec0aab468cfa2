"use client";

import { useEffect, useRef, useState } from "react";
import type { Change } from "@/lib/domain/change";
import type { PublicNotice } from "@/lib/domain/notices";
import type { LiveConnectionHandlers } from "./live-connection";
import { windowNetwork } from "./network-signal";
import type { FromLiveWorker, ToLiveWorker } from "./live-worker-messages";
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
 * Runs the live connection in a worker (see live-worker.ts) and relays its messages; null where
 * there are no module workers. `onFailure` runs if the worker fails to load.
 */
function startLiveWorker(handlers: LiveConnectionHandlers, onFailure: () => void): (() => void) | null {
  let worker: Worker;
  try {
    worker = new Worker(new URL("./live-worker.ts", import.meta.url), { type: "module" });
  } catch {
    return null;
  }
  const send = (message: ToLiveWorker) => worker.postMessage(message);
  worker.onmessage = ({ data: message }: MessageEvent<FromLiveWorker>) => {
    switch (message.type) {
      case "changes":
        return handlers.onChanges(message.changes);
      case "notices":
        return handlers.onNotices(message.notices);
      case "state":
        return handlers.onState(message.state);
      case "synced":
        return handlers.onSynced();
      case "refetch":
        return void handlers.refetch().then(
          (seq) => send({ type: "refetched", id: message.id, seq }),
          (error: unknown) => send({ type: "refetch-failed", id: message.id, message: String(error) }),
        );
    }
  };
  worker.onerror = (event) => {
    event.preventDefault();
    console.warn("Snowline live updates: the worker failed; following changes on the page instead.", event.message);
    worker.terminate();
    onFailure();
  };
  send({ type: "start", initialSeq: handlers.initialSeq, online: windowNetwork.isOnline() });
  const unwatch = windowNetwork.watch((online) => send({ type: "network", online }));
  return () => {
    unwatch();
    send({ type: "stop" });
    worker.terminate();
  };
}

/**
 * Follows the live stream from `initialSeq`, in a worker started once the page is idle; handlers
 * may change between renders (the latest ones are called).
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
    const handlers: LiveConnectionHandlers = {
      initialSeq: initialSeqRef.current,
      onChanges: (changes) => handlersRef.current.onChanges(changes),
      refetch: () => handlersRef.current.refetch(),
      onNotices: (notices) => handlersRef.current.onNotices?.(notices),
      onState: setConnection,
      onSynced: () => setLastUpdated(new Date()),
    };
    let stop: (() => void) | null = null;
    let cancelled = false;
    const onMainThread = () =>
      void import("./live-connection").then(({ startLiveConnection }) => {
        if (!cancelled) stop = startLiveConnection(handlers);
      });
    const connect = () => {
      if (cancelled) return;
      const worker = startLiveWorker(handlers, () => {
        // A worker that cannot load (an old browser, a strict proxy) must not cost the live feed.
        stop?.();
        stop = null;
        onMainThread();
      });
      if (worker) stop = worker;
      else onMainThread();
    };
    // Start once the browser is idle after hydration (within a second at most), so a phone
    // paints and responds first. Safari has no requestIdleCallback.
    const hasIdle = typeof window.requestIdleCallback === "function";
    const handle = hasIdle ? window.requestIdleCallback(connect, { timeout: 1000 }) : window.setTimeout(connect, 1);
    return () => {
      cancelled = true;
      if (hasIdle) window.cancelIdleCallback(handle);
      else window.clearTimeout(handle);
      stop?.();
    };
  }, []);

  return { connection, lastUpdated };
}
