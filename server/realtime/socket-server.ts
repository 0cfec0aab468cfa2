import type { IncomingMessage, Server as HttpServer } from "node:http";
import { Server, type Socket } from "socket.io";
import { describeError } from "../../lib/api/error-response";
import type { Change } from "../../lib/domain/change";
import { LAYERS, type Layer } from "../../lib/domain/layers";
import { parseInput } from "../../lib/domain/validation";
import type { ReadModel } from "../../lib/read-model";
import type { FanoutMessage } from "../../lib/realtime/ordered-fanout";
import { systemClock, type Clock } from "../../lib/domain/clock";
import { DEFAULT_SOCKET_LIMITS, SocketGate, type SocketLimits } from "../../lib/realtime/socket-limits";
import { clientAddress } from "../../lib/limits/client-address";
import {
  CONNECTION_LIMIT_MESSAGES,
  EVENTS,
  layersOfRoom,
  refuseIncompatibleClient,
  RESUME_MAX_CHANGES,
  resumeRequestSchema,
  roomForLayers,
  subscribeRequestSchema,
  type ClientToServerEvents,
  type ConnectionLimit,
  type ProtocolRefusal,
  type ResumeReply,
  type ServerToClientEvents,
  type SocketData,
} from "../../lib/realtime/protocol";
import type { Logger } from "../logger";
import { SocketCounters, type SocketCounts } from "./socket-counters";

type SnowlineServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
type SnowlineSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

export interface Realtime {
  /** Sends one ordered message to every client of this node, filtered to the layers each follows. */
  broadcast(message: FanoutMessage): void;
  heartbeat(seq: number): void;
  /** Sends the current notices to every client of this node, or to one socket that just connected. */
  sendNotices(target?: SnowlineSocket): Promise<void>;
  /** Open sockets and the bad traffic refused or counted since start. */
  counts(): SocketCounts;
  close(): Promise<void>;
}

function errorReply(error: unknown) {
  const { status, message, fieldErrors } = describeError(error);
  return { error: { status, message, ...(fieldErrors ? { fieldErrors } : {}) } };
}

/** Socket.IO for public, read-only live updates. Each node emits only to its own clients. */
export function attachRealtime(
  httpServer: HttpServer,
  deps: { readModel: ReadModel; logger: Logger; clock?: Clock; limits?: SocketLimits; summaryMs?: number; trustProxy?: boolean },
): Realtime {
  const clock = deps.clock ?? systemClock;
  const gate = new SocketGate(deps.limits ?? DEFAULT_SOCKET_LIMITS, clock);
  const counters = new SocketCounters(deps.logger, deps.summaryMs);
  // Address budgets that have refilled are forgotten, so the map holds only recent senders.
  const sweep = setInterval(() => gate.sweep(), 60_000);
  sweep.unref();

  const io: SnowlineServer = new Server(httpServer, {
    serveClient: false,
    // Let other upgrade requests (Next's dev HMR) through instead of destroying them.
    destroyUpgrade: false,
    maxHttpBufferSize: 16 * 1024,
    pingInterval: 20_000,
    pingTimeout: 20_000,
    connectionStateRecovery: undefined,
  });

  // Socket.IO keeps the handshake request on every socket; dropping it saves memory per client.
  // Before it goes, behind a trusted proxy (whose address every socket would otherwise share), the
  // forwarded client address replaces the peer's: the handshake's `address` is read from here.
  io.engine.on("connection", (rawSocket: { request: IncomingMessage | null; remoteAddress: string }) => {
    if (deps.trustProxy && rawSocket.request) {
      const forwardedFor = rawSocket.request.headers["x-forwarded-for"];
      rawSocket.remoteAddress = clientAddress({ socketAddress: rawSocket.remoteAddress, forwardedFor, trustProxy: true }) ?? rawSocket.remoteAddress;
    }
    rawSocket.request = null;
  });

  // A page from another release would misread what this node sends: refuse it with words it can
  // show. Socket.IO does not retry a refusal from middleware, so the page stops until reloaded.
  io.use((socket, next) => {
    const refusal = refuseIncompatibleClient(socket.handshake.auth);
    if (!refusal) return next();
    next(Object.assign(new Error(refusal.message), { data: refusal satisfies ProtocolRefusal }));
  });

  // Refused with a reason the page can show; unlike a protocol refusal, the client retries later.
  io.use((socket, next) => {
    const reason = gate.refuseConnection(socket.handshake.address);
    if (!reason) return next();
    counters.record("refusedConnections");
    const data: ConnectionLimit = { reason, message: CONNECTION_LIMIT_MESSAGES[reason] };
    next(Object.assign(new Error(data.message), { data }));
  });

  async function sendNotices(target?: SnowlineSocket): Promise<void> {
    try {
      const notices = await deps.readModel.publicNotices(clock.now());
      (target ?? io.local).emit(EVENTS.notices, { notices });
    } catch (error) {
      deps.logger.error({ err: error }, "could not read notices");
    }
  }

  /** The ack's reply for a client's mistake is counted, not logged; a server failure is summarised. */
  function failedEvent(event: string, error: unknown) {
    const reply = errorReply(error);
    if (reply.error.status < 500) counters.record("invalidEvents", event);
    else counters.record("failedEvents", event, error);
    return reply;
  }

  io.on("connection", (socket: SnowlineSocket) => {
    const connection = gate.open(socket.handshake.address);
    socket.on("disconnect", () => connection.close());
    // Every event, known or not, spends from the socket's and its address's budgets.
    socket.use((packet, next) => {
      // Packets that arrived in the same read as the one that got it disconnected: drop them.
      if (!socket.connected) return;
      const verdict = connection.budget.spend();
      if (verdict === "accept") return next();
      counters.record("refusedEvents");
      const ack = packet.at(-1);
      if (typeof ack === "function") ack({ error: { status: 429, message: "Too many messages: slow down.", retryAfterSeconds: 1 } });
      if (verdict === "disconnect") {
        counters.record("disconnectedForFlooding");
        socket.emit(EVENTS.limited, { reason: "too_many_events", message: CONNECTION_LIMIT_MESSAGES.too_many_events });
        socket.disconnect(true);
      }
    });
    socket.onAny((event: string) => {
      if (event !== EVENTS.resume && event !== EVENTS.subscribe) counters.record("invalidEvents", "unknown");
    });
    socket.data.layers = [...LAYERS];
    void socket.join(roomForLayers(LAYERS));
    void sendNotices(socket);

    socket.on(EVENTS.subscribe, (payload, ack) => {
      const reply = typeof ack === "function" ? ack : () => {};
      try {
        const { layers } = parseInput(subscribeRequestSchema, payload, "Invalid subscription");
        for (const room of socket.rooms) if (room !== socket.id) void socket.leave(room);
        socket.data.layers = [...new Set(layers)];
        void socket.join(roomForLayers(layers));
        reply({ layers: socket.data.layers });
      } catch (error) {
        reply(failedEvent(EVENTS.subscribe, error));
      }
    });

    socket.on(EVENTS.resume, async (payload, ack) => {
      const reply = typeof ack === "function" ? ack : () => {};
      try {
        const { since } = parseInput(resumeRequestSchema, payload, "Invalid resume request");
        reply(await resume(deps.readModel, since, socket.data.layers, gate.limits.resumeMaxBytes));
      } catch (error) {
        reply(failedEvent(EVENTS.resume, error));
      }
    });
  });

  return {
    broadcast(message) {
      for (const room of io.of("/").adapter.rooms.keys()) {
        const layers = layersOfRoom(room);
        if (!layers) continue;
        const changes = message.changes.filter((c: Change) => layers.includes(c.layer));
        io.local.to(room).emit(EVENTS.changes, { since: message.since, seq: message.seq, changes });
      }
    },
    heartbeat(seq) {
      io.local.emit(EVENTS.heartbeat, { seq });
    },
    sendNotices,
    counts: () => counters.counts(gate.openConnections),
    // Closing the transports, without a Socket.IO "disconnect" packet, is what clients take as
    // "reconnect": after a server disconnect socket.io-client would stay away for good.
    // io.close() also closes the HTTP server; the caller owns that.
    close: async () => {
      clearInterval(sweep);
      counters.close();
      io.engine.close();
    },
  };
}

// The changes and the seq come from one read: a head read before the range would let the range
// carry batches past it, which the client then applies again from the live stream.
// An answer past `maxBytes` is a reset too: refetching the snapshot costs the page one request,
// while a few hundred long messages per resume is what let one socket stall the node.
async function resume(readModel: ReadModel, since: number, layers: Layer[], maxBytes: number): Promise<ResumeReply> {
  const { seq, changes } = await readModel.changesSinceWithHead(since, RESUME_MAX_CHANGES, layers);
  if (since > seq || seq - since > RESUME_MAX_CHANGES) return { seq, reset: true };
  if (Buffer.byteLength(JSON.stringify(changes)) > maxBytes) return { seq, reset: true };
  return { seq, changes };
}
