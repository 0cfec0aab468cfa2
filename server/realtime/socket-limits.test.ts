import { Writable } from "node:stream";
import { pino } from "pino";
import { io as connect, type Socket } from "socket.io-client";
import { afterEach, describe, expect, it } from "vitest";
import type { ChangesMessage, ResumeReply } from "../../lib/realtime/protocol";
import { EVENTS, HANDSHAKE_AUTH } from "../../lib/realtime/protocol";
import { DEFAULT_SOCKET_LIMITS } from "../../lib/realtime/socket-limits";
import { school, T0 } from "../../test/support/fixtures";
import { startTestServer, type TestServer } from "../../test/support/test-server";

/** A logger whose JSON lines the test can read. */
function capturedLogger() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split("\n")) if (line) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { logger: pino({ level: "info" }, stream), lines };
}

async function postMany(t: TestServer, count: number) {
  await t.store.upsertAssets(Array.from({ length: 100 }, (_, i) => school(`many-${i}`, `School ${i}`, -2.3, 53.4)), T0);
  const changes = Array.from({ length: count }, (_, i) => ({
    assetId: `many-${i % 100}`,
    status: { code: i % 2 ? "closed" : "open", message: `Update ${i}: ${"snow ".repeat(40)}` },
  }));
  for (let i = 0; i < changes.length; i += 100) expect((await t.post({ changes: changes.slice(i, i + 100) })).status).toBe(201);
}

const sockets: Socket[] = [];
function rawClient(t: TestServer, auth: object = HANDSHAKE_AUTH, extraHeaders: Record<string, string> = {}) {
  const socket = connect(t.url, { transports: ["websocket"], forceNew: true, reconnection: false, auth, extraHeaders });
  sockets.push(socket);
  return new Promise<{ socket: Socket; error?: Error & { data?: unknown } }>((resolve) => {
    socket.once("connect", () => resolve({ socket }));
    socket.once("connect_error", (error) => resolve({ socket, error }));
  });
}

describe("socket limits", () => {
  let t: TestServer;
  afterEach(async () => {
    sockets.splice(0).forEach((s) => s.disconnect());
    await t?.close();
  });

  // Finding 1: one anonymous socket sending resumes as fast as it could stalled the whole node.
  it("disconnects a socket flooding status:resume, while another client still gets its changes", async () => {
    t = await startTestServer();
    await postMany(t, 600);
    const healthz = async () => (await fetch(`${t.url}/healthz`)).status;
    expect(await healthz()).toBe(200);
    const reader = await t.client();
    const { socket: flooder } = await rawClient(t);

    const closedWith = new Promise<{ limited: unknown; reason: string }>((resolve) => {
      let limited: unknown = null;
      flooder.on(EVENTS.limited, (message: unknown) => (limited = message));
      flooder.once("disconnect", (reason) => resolve({ limited, reason }));
    });
    let answeredWithChanges = 0;
    let refused = 0;
    for (let i = 0; i < 500; i += 1) {
      flooder.emit(EVENTS.resume, { since: 100 }, (reply: ResumeReply) => {
        if ("changes" in reply) answeredWithChanges += 1;
        else if ("error" in reply && reply.error.status === 429) refused += 1;
      });
    }

    const { limited, reason } = await closedWith;
    expect(reason).toBe("io server disconnect");
    expect(limited).toMatchObject({ reason: "too_many_events" });
    expect(answeredWithChanges).toBeLessThanOrEqual(DEFAULT_SOCKET_LIMITS.perSocket.burst);
    expect(refused).toBeGreaterThan(0);

    const received = new Promise<ChangesMessage>((resolve) => reader.once(EVENTS.changes, resolve));
    await t.post({ changes: [{ assetId: "route-1", status: { code: "completed" } }] });
    expect((await received).changes.map((c) => c.assetId)).toEqual(["route-1"]);
    expect(await healthz()).toBe(200);
    const ready = (await (await fetch(`${t.url}/readyz`)).json()) as { realtime: Record<string, number> };
    expect(ready.realtime, JSON.stringify(ready.realtime)).toMatchObject({ disconnectedForFlooding: 1 });
    expect(ready.realtime.refusedEvents).toBeGreaterThanOrEqual(DEFAULT_SOCKET_LIMITS.refusalsBeforeDisconnect);
  });

  // Finding 1: each invalid resume logged a 760-byte warning with a stack trace.
  it("counts invalid events and logs a summary, not one line with a stack per event", async () => {
    const { logger, lines } = capturedLogger();
    t = await startTestServer({ logger, socketLimits: { ...DEFAULT_SOCKET_LIMITS, perSocket: { burst: 1000, perSecond: 1000 } }, socketSummaryMs: 50 });
    const { socket } = await rawClient(t);
    const replies = Array.from({ length: 200 }, () => socket.timeout(5000).emitWithAck(EVENTS.resume, { since: "yesterday" }) as Promise<ResumeReply>);
    for (const reply of await Promise.all(replies)) expect(reply).toMatchObject({ error: { status: 400 } });
    expect(socket.connected).toBe(true);

    const ready = (await (await fetch(`${t.url}/readyz`)).json()) as { realtime: Record<string, number> };
    expect(ready.realtime.invalidEvents).toBe(200);
    const summaries = () => lines.filter((l) => l.msg === "invalid socket events") as { invalidEvents: number; byEvent: Record<string, number> }[];
    // Summaries come once per interval (50 ms here), so the 200 events may span a few of them.
    await expect.poll(() => summaries().reduce((sum, l) => sum + l.invalidEvents, 0)).toBe(200);
    expect(summaries().reduce((sum, l) => sum + (l.byEvent[EVENTS.resume] ?? 0), 0)).toBe(200);
    expect(lines.filter((l) => l.err !== undefined || JSON.stringify(l).includes("stack"))).toEqual([]);
    expect(lines.length).toBeLessThan(20);
  });

  it("answers reset to a resume too large to send, so the page refetches the snapshot", async () => {
    t = await startTestServer({ socketLimits: { ...DEFAULT_SOCKET_LIMITS, resumeMaxBytes: 8 * 1024 } });
    await postMany(t, 100);
    const socket = await t.client();
    expect(await socket.timeout(5000).emitWithAck(EVENTS.resume, { since: 0 })).toEqual({ seq: 100, reset: true });
    const small: ResumeReply = await socket.timeout(5000).emitWithAck(EVENTS.resume, { since: 98 });
    expect("changes" in small && small.changes.map((c) => c.seq)).toEqual([99, 100]);
  });

  it("refuses connections past the per-address cap with a reason, and admits again once one closes", async () => {
    t = await startTestServer({ socketLimits: { ...DEFAULT_SOCKET_LIMITS, maxConnectionsPerAddress: 2 } });
    const first = await rawClient(t);
    expect((await rawClient(t)).error).toBeUndefined();
    const third = await rawClient(t);
    expect(third.error?.message).toBe("Too many live connections from your address: close some tabs, or try again in a minute.");
    expect(third.error?.data).toMatchObject({ reason: "too_many_connections_from_address" });
    const ready = (await (await fetch(`${t.url}/readyz`)).json()) as { realtime: Record<string, number> };
    expect(ready.realtime).toMatchObject({ connections: 2, refusedConnections: 1 });

    first.socket.disconnect();
    await expect.poll(async () => ((await (await fetch(`${t.url}/readyz`)).json()) as { realtime: { connections: number } }).realtime.connections).toBe(1);
    expect((await rawClient(t)).error).toBeUndefined();
  });

  it("behind a trusted proxy, caps connections per forwarded address rather than the proxy's one address", async () => {
    t = await startTestServer({ socketLimits: { ...DEFAULT_SOCKET_LIMITS, maxConnectionsPerAddress: 1 }, trustProxy: true });
    // nginx appends the resident's address; every socket reaches Snowline from nginx's own.
    const from = (forwardedFor: string) => rawClient(t, HANDSHAKE_AUTH, { "x-forwarded-for": forwardedFor });
    expect((await from("198.51.100.1")).error).toBeUndefined();
    expect((await from("203.0.113.9, 198.51.100.1")).error?.data).toMatchObject({ reason: "too_many_connections_from_address" });
    expect((await from("198.51.100.2")).error).toBeUndefined();
  });

  it("without a trusted proxy, X-Forwarded-For does not lift the per-address cap", async () => {
    t = await startTestServer({ socketLimits: { ...DEFAULT_SOCKET_LIMITS, maxConnectionsPerAddress: 1 } });
    expect((await rawClient(t, HANDSHAKE_AUTH, { "x-forwarded-for": "198.51.100.1" })).error).toBeUndefined();
    expect((await rawClient(t, HANDSHAKE_AUTH, { "x-forwarded-for": "198.51.100.2" })).error?.data).toMatchObject({ reason: "too_many_connections_from_address" });
  });
});
