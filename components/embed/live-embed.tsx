/** @jsxImportSource preact */
import type { ComponentType } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";
import { EVENTS } from "@/lib/realtime/protocol";
import { StatusSync } from "@/lib/realtime/status-sync";
import { onProtocolRefused, openLiveSocket } from "../live/live-socket";
import { toEmbedStatus, type EmbedAsset, type EmbedState } from "./embed-state";
import { EmbedView, type EmbedConnection } from "./embed-view";
import { HEIGHT_MESSAGE } from "./height-message";

const ACK_TIMEOUT_MS = 10_000;

/** Tells the page around the iframe how tall the widget is, whenever that changes. */
function useReportHeight(): void {
  useEffect(() => {
    if (window.parent === window) return;
    const root = document.documentElement;
    let last = -1;
    const report = () => {
      const height = Math.ceil(document.body.getBoundingClientRect().height);
      if (height === last) return;
      last = height;
      // Only a height crosses over; any page may know it, so no target origin is needed.
      window.parent.postMessage({ type: HEIGHT_MESSAGE, height }, "*");
    };
    const observer = new ResizeObserver(report);
    observer.observe(root);
    observer.observe(document.body);
    report();
    return () => observer.disconnect();
  }, []);
}

/**
 * The widget in the browser: hydrates the server's markup, then follows the Socket.IO stream for
 * its layers only, resuming from its seq after every reconnect (the same StatusSync as the map).
 */
export function LiveEmbed({ state, MapView }: { state: EmbedState; MapView?: ComponentType<{ assets: EmbedAsset[]; state: EmbedState }> }) {
  const [assets, setAssets] = useState(state.assets);
  const [updatedAt, setUpdatedAt] = useState(state.updatedAt);
  const [announcement, setAnnouncement] = useState("");
  const [connection, setConnection] = useState<EmbedConnection | undefined>(undefined);
  const names = useRef(new Map(state.assets.map((a) => [a.id, a.name])));
  useReportHeight();

  useEffect(() => {
    const socket = openLiveSocket();
    onProtocolRefused(socket, () => setConnection("outdated"));
    const sync = new StatusSync({
      initialSeq: state.seq,
      applyChanges(changes) {
        const inScope = changes.filter((c) => names.current.has(c.assetId));
        setUpdatedAt(new Date().toISOString());
        if (!inScope.length) return;
        setAssets((current) => {
          const latest = new Map(inScope.map((c) => [c.assetId, toEmbedStatus(c.status)]));
          return current.map((a) => (latest.has(a.id) ? { ...a, status: latest.get(a.id)! } : a));
        });
        const last = inScope.at(-1)!;
        const name = names.current.get(last.assetId);
        setAnnouncement(name ? `${name}: ${last.status.label}` : `${inScope.length} updated`);
      },
      requestResume: (since) => socket.timeout(ACK_TIMEOUT_MS).emitWithAck(EVENTS.resume, { since }),
      // Far behind: the page itself is the cheapest full reload (it renders the current state).
      refetch: () => {
        window.location.reload();
        return new Promise<number>(() => {});
      },
      onError: (error) => console.warn("Snowline widget:", error),
    });
    socket.on("connect", () => {
      void socket
        .timeout(ACK_TIMEOUT_MS)
        .emitWithAck(EVENTS.subscribe, { layers: state.layers })
        .catch((error: unknown) => console.warn("Snowline widget:", error))
        .then(() => sync.onConnect())
        .then(() => {
          setConnection("live");
          setUpdatedAt(new Date().toISOString());
        });
    });
    socket.on("disconnect", () => setConnection("reconnecting"));
    socket.io.on("reconnect_attempt", () => setConnection("reconnecting"));
    socket.on(EVENTS.changes, (message) => sync.onChanges(message));
    socket.on(EVENTS.heartbeat, (message) => sync.onHeartbeat(message));
    return () => {
      socket.disconnect();
    };
  }, [state]);

  return <EmbedView state={state} assets={assets} updatedAt={updatedAt} announcement={announcement} connection={connection} MapView={MapView} />;
}
