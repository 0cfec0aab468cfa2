"use client";

import { useEffect, useRef, useState } from "react";
import { io, type Socket } from "socket.io-client";
import type { Change } from "@/lib/domain/change";
import type { PublicStatus } from "@/lib/domain/status";
import { EVENTS, PROTOCOL_VERSION, type ClientToServerEvents, type ServerToClientEvents } from "@/lib/realtime/protocol";
import { StatusSync } from "@/lib/realtime/status-sync";
import type { AssetSummary, ConnectionState } from "./live-types";

const RESUME_TIMEOUT_MS = 10_000;

export interface LiveStatuses {
  statuses: Record<string, PublicStatus>;
  connection: ConnectionState;
  /** When the newest change we hold was made, or when we last caught up. */
  lastUpdated: Date | null;
  /** Changes applied most recently, for highlighting and announcements. */
  recentChanges: Change[];
}

async function fetchStatuses(): Promise<{ seq: number; statuses: Record<string, PublicStatus> }> {
  const res = await fetch("/api/v1/assets", { cache: "no-store" });
  if (!res.ok) throw new Error(`Could not reload statuses (${res.status})`);
  const body = (await res.json()) as { seq: number; features: { id: string; properties: { status: PublicStatus } }[] };
  return { seq: body.seq, statuses: Object.fromEntries(body.features.map((f) => [f.id, f.properties.status])) };
}

/**
 * Holds the live status of every asset: starts from what the server rendered, then follows the
 * Socket.IO stream, resuming after every reconnect so nothing is missed.
 */
export function useLiveStatuses(initialSeq: number, initialAssets: AssetSummary[]): LiveStatuses {
  const [statuses, setStatuses] = useState(() => Object.fromEntries(initialAssets.map((a) => [a.id, a.status])));
  const [connection, setConnection] = useState<ConnectionState>("connecting");
  const [lastUpdated, setLastUpdated] = useState<Date | null>(null);
  const [recentChanges, setRecentChanges] = useState<Change[]>([]);
  const initialSeqRef = useRef(initialSeq);

  useEffect(() => {
    const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io({
      query: { v: String(PROTOCOL_VERSION) },
      transports: ["websocket", "polling"],
    });
    const sync = new StatusSync({
      initialSeq: initialSeqRef.current,
      applyChanges(changes) {
        setStatuses((current) => {
          const next = { ...current };
          for (const change of changes) next[change.assetId] = change.status;
          return next;
        });
        setRecentChanges(changes);
        setLastUpdated(new Date());
      },
      requestResume: (since) => socket.timeout(RESUME_TIMEOUT_MS).emitWithAck(EVENTS.resume, { since }),
      async refetch() {
        const { seq, statuses: fresh } = await fetchStatuses();
        setStatuses(fresh);
        return seq;
      },
      onError: (error) => console.warn("Snowline live updates:", error),
    });

    socket.on("connect", () => {
      void sync.onConnect().then(() => {
        setConnection("live");
        setLastUpdated(new Date());
      });
    });
    socket.on("disconnect", () => setConnection(navigator.onLine ? "reconnecting" : "offline"));
    socket.io.on("reconnect_attempt", () => setConnection(navigator.onLine ? "reconnecting" : "offline"));
    socket.on(EVENTS.changes, (message) => sync.onChanges(message));
    socket.on(EVENTS.heartbeat, (message) => sync.onHeartbeat(message));

    const onOffline = () => setConnection("offline");
    const onOnline = () => {
      setConnection("reconnecting");
      if (!socket.connected) socket.connect();
    };
    window.addEventListener("offline", onOffline);
    window.addEventListener("online", onOnline);
    return () => {
      window.removeEventListener("offline", onOffline);
      window.removeEventListener("online", onOnline);
      socket.disconnect();
    };
  }, []);

  return { statuses, connection, lastUpdated, recentChanges };
}
