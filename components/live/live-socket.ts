import { io, type ManagerOptions, type Socket, type SocketOptions } from "socket.io-client";
import {
  HANDSHAKE_AUTH,
  protocolRefusalOf,
  type ClientToServerEvents,
  type ProtocolRefusal,
  type ServerToClientEvents,
} from "@/lib/realtime/protocol";

export type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/**
 * How the resident pages and the embed open their socket: the same transports, and the protocol
 * version the server checks. `url` is for tests and tools; pages connect to their own origin.
 */
export function openLiveSocket(options: Partial<ManagerOptions & SocketOptions> = {}, url?: string): LiveSocket {
  const settings = { transports: ["websocket", "polling"], ...options, auth: HANDSHAKE_AUTH };
  return url === undefined ? io(settings) : io(url, settings);
}

/** Calls `onRefused` if the server refuses this page's protocol: it will not connect until the page is reloaded. */
export function onProtocolRefused(socket: LiveSocket, onRefused: (refusal: ProtocolRefusal) => void): void {
  socket.on("connect_error", (error) => {
    const refusal = protocolRefusalOf(error);
    if (refusal) onRefused(refusal);
  });
}
