import * as z from "zod";
import { errorResponseSchema } from "../api/error-body";
import { changeSchema } from "../domain/change";
import { LAYERS, layerSchema, type Layer } from "../domain/layers";
import { publicNoticeSchema } from "../domain/notices";
import { OUTDATED_PAGE_MESSAGE, PROTOCOL_VERSION } from "./protocol-version";

export { OUTDATED_PAGE_MESSAGE, PROTOCOL_VERSION };

/**
 * The public, read-only Socket.IO contract between a Snowline node and a browser. Both ends use
 * these types (with the event maps swapped) and parse every payload on arrival: types do not validate.
 * Bump PROTOCOL_VERSION on an incompatible change: clients send it in the handshake's `auth`
 * and the server refuses any other version with a ProtocolRefusal.
 */
export const handshakeAuthSchema = z.object({ protocolVersion: z.int() });
export type HandshakeAuth = z.infer<typeof handshakeAuthSchema>;
/** What this build of the page sends when it connects. */
export const HANDSHAKE_AUTH: HandshakeAuth = { protocolVersion: PROTOCOL_VERSION };

/** Why the server refused a connection: the `data` of the client's `connect_error`. */
export const protocolRefusalSchema = z.object({
  reason: z.literal("incompatible_protocol"),
  serverVersion: z.int(),
  /** Words the page can show as they are. */
  message: z.string(),
});
export type ProtocolRefusal = z.infer<typeof protocolRefusalSchema>;

/** The refusal for a client whose handshake `auth` does not speak this protocol, or null when it does. */
export function refuseIncompatibleClient(auth: unknown): ProtocolRefusal | null {
  const parsed = handshakeAuthSchema.safeParse(auth);
  if (parsed.success && parsed.data.protocolVersion === PROTOCOL_VERSION) return null;
  return { reason: "incompatible_protocol", serverVersion: PROTOCOL_VERSION, message: OUTDATED_PAGE_MESSAGE };
}

/** The ProtocolRefusal a `connect_error` carries, or null for any other error (a network one: retry). */
export function protocolRefusalOf(error: unknown): ProtocolRefusal | null {
  const data = typeof error === "object" && error !== null ? (error as { data?: unknown }).data : undefined;
  const parsed = protocolRefusalSchema.safeParse(data);
  return parsed.success ? parsed.data : null;
}

/**
 * Why a node refused a connection (the `data` of `connect_error`) or is closing one (`connection:limited`,
 * just before it disconnects) because of its limits. Not a protocol refusal: the page retries later.
 */
export const connectionLimitSchema = z.object({
  reason: z.enum(["too_many_events", "too_many_connections_from_address", "too_many_connections"]),
  message: z.string(),
});
export type ConnectionLimit = z.infer<typeof connectionLimitSchema>;

export const CONNECTION_LIMIT_MESSAGES: Record<ConnectionLimit["reason"], string> = {
  too_many_events: "This page sent too many messages: it will reconnect shortly.",
  too_many_connections_from_address: "Too many live connections from your address: close some tabs, or try again in a minute.",
  too_many_connections: "This server has too many live connections: try again in a minute.",
};

export const EVENTS = {
  changes: "status:changes",
  heartbeat: "status:heartbeat",
  resume: "status:resume",
  subscribe: "status:subscribe",
  notices: "notices:update",
  limited: "connection:limited",
} as const;

/** How far behind a client may be and still catch up change by change; beyond it refetches. */
export const RESUME_MAX_CHANGES = 500;

/**
 * Changes committed after `since` up to and including `seq`, for the layers this client follows.
 * Every client gets every message (with `changes` possibly empty), so `since` always equals the
 * `seq` of the previous message and a client can tell when it missed one.
 */
export const changesMessageSchema = z.object({
  since: z.int().min(0),
  seq: z.int().min(0),
  changes: z.array(changeSchema),
});
export type ChangesMessage = z.infer<typeof changesMessageSchema>;

export const heartbeatSchema = z.object({ seq: z.int().min(0) });
export type Heartbeat = z.infer<typeof heartbeatSchema>;

/** The council's current and upcoming notices, sent on connect and whenever they change. */
export const noticesMessageSchema = z.object({ notices: z.array(publicNoticeSchema) });
export type NoticesMessage = z.infer<typeof noticesMessageSchema>;

export const resumeRequestSchema = z.strictObject({ since: z.int().min(0) });
export type ResumeRequest = z.infer<typeof resumeRequestSchema>;

export const subscribeRequestSchema = z.strictObject({
  layers: z.array(layerSchema).min(1).max(LAYERS.length),
});
export type SubscribeRequest = z.infer<typeof subscribeRequestSchema>;

export const ackErrorSchema = errorResponseSchema;
export type AckError = z.infer<typeof ackErrorSchema>;

export const resumeReplySchema = z.union([
  z.object({ seq: z.int().min(0), changes: z.array(changeSchema) }),
  z.object({ seq: z.int().min(0), reset: z.literal(true) }),
  ackErrorSchema,
]);
export type ResumeReply = z.infer<typeof resumeReplySchema>;

export const subscribeReplySchema = z.union([z.object({ layers: z.array(layerSchema) }), ackErrorSchema]);
export type SubscribeReply = z.infer<typeof subscribeReplySchema>;

export interface ServerToClientEvents {
  "status:changes": (message: ChangesMessage) => void;
  "status:heartbeat": (message: Heartbeat) => void;
  "notices:update": (message: NoticesMessage) => void;
  "connection:limited": (message: ConnectionLimit) => void;
}

export interface ClientToServerEvents {
  "status:resume": (request: ResumeRequest, ack: (reply: ResumeReply) => void) => void;
  "status:subscribe": (request: SubscribeRequest, ack: (reply: SubscribeReply) => void) => void;
}

export interface SocketData {
  layers: Layer[];
}

/** Clients following the same set of layers share a room, so each message is encoded once per set. */
export function roomForLayers(layers: readonly Layer[]): string {
  return `layers:${[...new Set(layers)].sort().join(",")}`;
}

export function layersOfRoom(room: string): Layer[] | null {
  if (!room.startsWith("layers:")) return null;
  const layers = room.slice("layers:".length).split(",");
  return layers.every((l): l is Layer => layerSchema.safeParse(l).success) ? layers : null;
}
