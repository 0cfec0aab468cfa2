import type { Change } from "@/lib/domain/change";
import type { PublicNotice } from "@/lib/domain/notices";
import { EVENTS, noticesMessageSchema } from "@/lib/realtime/protocol";
import { retryAfterServerDisconnect } from "@/lib/realtime/server-disconnect-retry";
import { StatusSync } from "@/lib/realtime/status-sync";
import { onProtocolRefused, openLiveSocket } from "./live-socket";
import type { ConnectionState } from "./live-types";
import { windowNetwork, type NetworkSignal } from "./network-signal";

const RESUME_TIMEOUT_MS = 10_000;

export interface LiveConnectionHandlers {
  initialSeq: number;
  onChanges(changes: Change[]): void;
  /** Reloads every status after a reset; resolves with the seq of the reloaded data. */
  refetch(): Promise<number>;
  onNotices(notices: PublicNotice[]): void;
  onState(state: ConnectionState): void;
  /** We hold everything up to the server's latest seq (after a resume, a change or a heartbeat). */
  onSynced(): void;
}

/**
 * The browser end of the live contract: Socket.IO plus StatusSync, resuming from the last seq
 * after every reconnect. Runs in a worker (live-worker.ts), or after the page is interactive where
 * workers fail, so socket.io-client and the protocol's zod schemas stay out of the first load.
 */
export function startLiveConnection(
  handlers: LiveConnectionHandlers,
  network: NetworkSignal = windowNetwork,
  /** The page's own origin unless given: the fault drills run hundreds of these in one Node process. */
  url?: string,
): () => void {
  // A page has one connection; in a drill each caller is a separate browser, so no sharing.
  const socket = url === undefined ? openLiveSocket() : openLiveSocket({ forceNew: true }, url);
  const retry = retryAfterServerDisconnect({ connect: () => socket.connect(), isConnected: () => socket.connected });
  let isRefused = false;
  const sync = new StatusSync({
    initialSeq: handlers.initialSeq,
    applyChanges: (changes) => {
      handlers.onChanges(changes);
      handlers.onSynced();
    },
    requestResume: (since) => socket.timeout(RESUME_TIMEOUT_MS).emitWithAck(EVENTS.resume, { since }),
    refetch: () => handlers.refetch(),
    onError: (error) => console.warn("Snowline live updates:", error),
  });
  const offlineOrReconnecting = () => handlers.onState(network.isOnline() ? "reconnecting" : "offline");
  onProtocolRefused(socket, () => {
    isRefused = true;
    handlers.onState("outdated");
  });

  socket.on("connect", () => {
    retry.onConnect();
    void sync.onConnect().then(() => {
      if (!socket.connected) return;
      handlers.onState("live");
      if (!sync.isBehind) handlers.onSynced();
    });
  });
  socket.on("disconnect", (reason) => {
    retry.onDisconnect(reason);
    offlineOrReconnecting();
  });
  socket.io.on("reconnect_attempt", offlineOrReconnecting);
  socket.on(EVENTS.changes, (message) => sync.onChanges(message));
  socket.on(EVENTS.heartbeat, (message) => {
    sync.onHeartbeat(message);
    if (!sync.isBehind) handlers.onSynced();
  });
  socket.on(EVENTS.notices, (message) => {
    const parsed = noticesMessageSchema.safeParse(message);
    if (parsed.success) handlers.onNotices(parsed.data.notices);
    else console.warn("Snowline notices:", parsed.error);
  });

  // A phone that knows it is offline should say so at once, not after a ping timeout, and a
  // socket that looks open through a dead network would only hide missed changes.
  const unwatch = network.watch((online) => {
    if (isRefused) return;
    if (online) {
      handlers.onState("reconnecting");
      if (!socket.connected) socket.connect();
    } else {
      handlers.onState("offline");
      socket.disconnect();
    }
  });
  if (!network.isOnline()) handlers.onState("offline");

  return () => {
    retry.stop();
    unwatch();
    socket.disconnect();
  };
}
