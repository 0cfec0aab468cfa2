import type { EventEmitter } from "node:events";
import type { IncomingMessage, Server as HttpServer } from "node:http";
import { Server, type Socket } from "socket.io";
import { describeError } from "../../lib/api/error-response";
import type { Change } from "../../lib/domain/change";
import type { PublicNotice } from "../../lib/domain/notices";
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

/** The changes this node sent after `since`, from memory, or null to read them from the store. */
export type RecentChanges = (since: number) => { seq: number; changes: Change[] } | null;

// A notices read is shared by every connection for at most this long, even if a bus message
// saying they changed went missing (Redis down); a read per new page is what a surge cannot afford.
const NOTICES_SHARED_MS = 5_000;

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

// engine.io's WebSocketResponse (engine.io 6.6 `build/server.js`) registers this anonymous arrow;
// it is recognised by its source. Should a later engine.io change it, nothing breaks: the request
// is just kept again (the heap per client in bench/surge/fanout.ts shows it).
const UPGRADE_RESPONSE_CLOSE_LISTENER = '() => this.emit("close")';
function isUpgradeResponseCloseListener(listener: { name: string; toString(): string }): boolean {
  return listener.name === "" && String(listener) === UPGRADE_RESPONSE_CLOSE_LISTENER;
}

function errorReply(error: unknown) {
  const { status, message, fieldErrors } = describeError(error);
  return { error: { status, message, ...(fieldErrors ? { fieldErrors } : {}) } };
}

/** Socket.IO for public, read-only live updates. Each node emits only to its own clients. */
export function attachRealtime(
  httpServer: HttpServer,
  deps: {
    readModel: ReadModel;
    logger: Logger;
    clock?: Clock;
    limits?: SocketLimits;
    summaryMs?: number;
    /** Lets resumes be answered from the fan-out's latest messages instead of a store read each. */
    recentChanges?: RecentChanges;
    /** Behind a reverse proxy (SNOWLINE_TRUST_PROXY): budgets count the forwarded client address. */
    trustProxy?: boolean;
  },
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
  // engine.io's upgrade path keeps it too, in closures that live as long as the socket (an "error"
  // listener on the websocket, and on the TCP socket a "close" listener that holds the upgrade's
  // response stand-in and through it the request, ~0.5 KB a client): empty its headers, which
  // nothing reads after the handshake, and drop both listeners (the second only re-emits "close"
  // for engine.io middlewares, which Snowline has none of). Before the request goes, behind a
  // trusted proxy (whose address every socket would otherwise share), the forwarded client address
  // replaces the peer's: the handshake's `address` is read from `remoteAddress`.
  io.engine.on("connection", (rawSocket: { request: IncomingMessage | null; remoteAddress: string; transport?: { socket?: EventEmitter & { _socket?: EventEmitter } } }) => {
    const request = rawSocket.request;
    if (deps.trustProxy && request) {
      const forwardedFor = request.headers["x-forwarded-for"];
      rawSocket.remoteAddress = clientAddress({ socketAddress: rawSocket.remoteAddress, forwardedFor, trustProxy: true }) ?? rawSocket.remoteAddress;
    }
    rawSocket.request = null;
    if (request) {
      request.headers = {};
      request.rawHeaders = [];
    }
    const websocket = rawSocket.transport?.socket;
    for (const listener of websocket?.listeners("error") ?? []) {
      if (listener.name === "onUpgradeError") websocket!.removeListener("error", listener as () => void);
    }
    const tcpSocket = websocket?._socket;
    for (const listener of tcpSocket?.listeners("close") ?? []) {
      if (isUpgradeResponseCloseListener(listener)) tcpSocket!.removeListener("close", listener as () => void);
    }
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

  // One read shared by every connection until the notices change (a bus message), the earliest
  // shown one expires, or NOTICES_SHARED_MS passes.
  let sharedNotices: { read: Promise<PublicNotice[]>; validUntil: number } | null = null;
  function currentNotices(): Promise<PublicNotice[]> {
    const now = clock.now();
    if (sharedNotices && now < sharedNotices.validUntil) return sharedNotices.read;
    const shared = { read: deps.readModel.publicNotices(now), validUntil: now + NOTICES_SHARED_MS };
    sharedNotices = shared;
    shared.read.then(
      (notices) => {
        for (const { until } of notices) if (until !== null) shared.validUntil = Math.min(shared.validUntil, Date.parse(until));
      },
      () => {
        if (sharedNotices === shared) sharedNotices = null;
      },
    );
    return shared.read;
  }

  async function sendNotices(target?: SnowlineSocket): Promise<void> {
    // Without a target the notices changed: everyone gets a fresh read.
    if (!target) sharedNotices = null;
    try {
      const notices = await currentNotices();
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
        reply(await resume(deps.readModel, deps.recentChanges, since, socket.data.layers, gate.limits.resumeMaxBytes));
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
// carry batches past it, which the client then applies again from the live stream. The fan-out's
// memory is such a read too: its seq is what this node has sent, so the live stream follows on.
// An answer past `maxBytes` is a reset too: refetching the snapshot costs the page one request,
// while a few hundred long messages per resume is what let one socket stall the node.
async function resume(
  readModel: ReadModel,
  recentChanges: RecentChanges | undefined,
  since: number,
  layers: Layer[],
  maxBytes: number,
): Promise<ResumeReply> {
  const recent = recentChanges?.(since);
  const { seq, changes } = recent
    ? { seq: recent.seq, changes: recent.changes.filter((c) => layers.includes(c.layer)) }
    : await readModel.changesSinceWithHead(since, RESUME_MAX_CHANGES, layers);
  if (since > seq || seq - since > RESUME_MAX_CHANGES) return { seq, reset: true };
  if (changes.length && Buffer.byteLength(JSON.stringify(changes)) > maxBytes) return { seq, reset: true };
  return { seq, changes };
}
