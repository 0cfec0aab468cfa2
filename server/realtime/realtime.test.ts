import { io as connect, type Socket } from "socket.io-client";
import { afterEach, describe, expect, it } from "vitest";
import { ManualClock } from "../../lib/domain/clock";
import type { ChangesMessage, NoticesMessage, ResumeReply } from "../../lib/realtime/protocol";
import { EVENTS, HANDSHAKE_AUTH, OUTDATED_PAGE_MESSAGE, PROTOCOL_VERSION, protocolRefusalOf, RESUME_MAX_CHANGES } from "../../lib/realtime/protocol";
import { T0 } from "../../test/support/fixtures";
import { startTestServer, type TestClient, type TestServer } from "../../test/support/test-server";

// The deadline only turns a message that never comes into a clear failure; it is no latency check.
function nextMessage(socket: TestClient, event: typeof EVENTS.changes | typeof EVENTS.heartbeat = EVENTS.changes, timeoutMs = 10_000) {
  return new Promise<ChangesMessage>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${event} within ${timeoutMs} ms`)), timeoutMs);
    socket.once(event, (message: ChangesMessage) => {
      clearTimeout(timer);
      resolve(message);
    });
  });
}

const resume = (socket: TestClient, since: unknown) =>
  socket.timeout(2000).emitWithAck(EVENTS.resume, since as { since: number }) as Promise<ResumeReply>;

describe("Socket.IO live updates", () => {
  let t: TestServer;
  afterEach(async () => t?.close());

  it("pushes a posted change to a connected client, following on from seq 0", async () => {
    t = await startTestServer();
    const socket = await t.client();
    const received = nextMessage(socket);
    expect((await t.post({ changes: [{ assetId: "school-1", status: { code: "closed", message: "Snow" } }] })).status).toBe(201);
    const message = await received;
    expect(message).toMatchObject({ since: 0, seq: 1 });
    expect(message.changes[0]).toMatchObject({ seq: 1, assetId: "school-1", status: { code: "closed", message: "Snow" } });
  });

  it("sends a bulk change as one message", async () => {
    t = await startTestServer();
    const socket = await t.client();
    const messages: ChangesMessage[] = [];
    socket.on(EVENTS.changes, (m) => messages.push(m));
    await t.post({ changes: ["school-1", "school-2", "school-3"].map((assetId) => ({ assetId, status: { code: "closed" } })) });
    await expect.poll(() => messages.length).toBe(1);
    expect(messages[0]!.changes.map((c) => c.seq)).toEqual([1, 2, 3]);
  });

  it("resumes with exactly the changes a client missed", async () => {
    t = await startTestServer();
    for (const code of ["closed", "partially_open", "open"]) await t.post({ changes: [{ assetId: "school-1", status: { code } }] });
    await t.post({ changes: [{ assetId: "route-1", status: { code: "in_progress" } }] });
    const socket = await t.client();
    const reply = await resume(socket, { since: 1 });
    expect(reply).toMatchObject({ seq: 4 });
    expect("changes" in reply && reply.changes.map((c) => [c.seq, c.status.code])).toEqual([
      [2, "partially_open"],
      [3, "open"],
      [4, "in_progress"],
    ]);
    expect(await resume(socket, { since: 4 })).toEqual({ seq: 4, changes: [] });
  });

  it("tells a client to refetch when it is too far behind or ahead of the log", async () => {
    t = await startTestServer();
    const socket = await t.client();
    expect(await resume(socket, { since: 7 })).toEqual({ seq: 0, reset: true });
    const many = Array.from({ length: RESUME_MAX_CHANGES + 1 }, (_, i) => ({ assetId: `school-${(i % 3) + 1}`, status: { code: i % 2 ? "closed" : "open" } }));
    for (let i = 0; i < many.length; i += 3) await t.post({ changes: many.slice(i, i + 3) });
    expect(await resume(socket, { since: 0 })).toEqual({ seq: RESUME_MAX_CHANGES + 1, reset: true });
  });

  it("filters messages and resumes to the layers a client subscribed to", async () => {
    t = await startTestServer();
    const socket = await t.client();
    expect(await socket.timeout(2000).emitWithAck(EVENTS.subscribe, { layers: ["gritting"] })).toEqual({ layers: ["gritting"] });
    const received = nextMessage(socket);
    await t.post({ changes: [{ assetId: "school-1", status: { code: "closed" } }, { assetId: "route-1", status: { code: "completed" } }] });
    const message = await received;
    expect(message).toMatchObject({ since: 0, seq: 2 });
    expect(message.changes.map((c) => c.assetId)).toEqual(["route-1"]);
    const reply = await resume(socket, { since: 0 });
    expect("changes" in reply && reply.changes.map((c) => c.assetId)).toEqual(["route-1"]);
  });

  it("answers invalid payloads with an error ack and keeps the connection", async () => {
    t = await startTestServer();
    const socket = await t.client();
    const badResume = await resume(socket, { since: "yesterday" });
    expect(badResume).toMatchObject({ error: { status: 400, fieldErrors: [{ path: "since" }] } });
    const badSubscribe = await socket.timeout(2000).emitWithAck(EVENTS.subscribe, { layers: ["roads"] } as never);
    expect(badSubscribe).toMatchObject({ error: { status: 400 } });
    expect(socket.connected).toBe(true);
  });

  it("sends the notices on connect and again to everyone when they change", async () => {
    t = await startTestServer();
    let first: Promise<NoticesMessage> | undefined;
    const socket = await t.client((s) => (first = new Promise((resolve) => s.once(EVENTS.notices, resolve))));
    expect(await first).toEqual({ notices: [] });
    const next = new Promise<NoticesMessage>((resolve) => socket.once(EVENTS.notices, resolve));
    await t.server.notices.create({ level: "warning", text: "Snow gates closed on the A6144" }, { type: "user", id: "u1", name: "Ann Officer" }, null);
    const message = await next;
    expect(message.notices).toMatchObject([{ level: "warning", text: "Snow gates closed on the A6144" }]);
    expect(JSON.stringify(message)).not.toContain("Ann Officer");
    const res = await fetch(`${t.url}/api/v1/notices`);
    expect((await res.json()).notices).toEqual(message.notices);
  });

  it("sends heartbeats with the node's delivered seq", async () => {
    t = await startTestServer({ heartbeatMs: 100 });
    const socket = await t.client();
    await t.post({ changes: [{ assetId: "school-1", status: { code: "closed" } }] });
    await expect.poll(async () => (await nextMessage(socket, EVENTS.heartbeat)).seq).toBe(1);
  });

  it("delivers an expiry, applied by the clock, as a system change", async () => {
    const clock = new ManualClock(T0);
    t = await startTestServer({ clock });
    const socket = await t.client();
    // Listen before posting: an idle fan-out sends at once, possibly before the POST's answer.
    const posted = nextMessage(socket);
    await t.post({ changes: [{ assetId: "school-1", status: { code: "closed", until: new Date(T0 + 60_000).toISOString() } }] });
    await posted;
    const received = nextMessage(socket);
    clock.advance(60_000);
    await t.server.dueTransitions.runDue();
    const message = await received;
    expect(message.changes[0]).toMatchObject({ seq: 2, assetId: "school-1", kind: "expire", status: { code: "open", version: 2 } });
  });

  describe("the protocol version in the handshake", () => {
    const sockets: Socket[] = [];
    afterEach(() => sockets.splice(0).forEach((socket) => socket.disconnect()));

    /** Connects the way a page of some release would, and says whether it got in or why not. */
    const connectWith = (auth: Record<string, unknown> | undefined) => {
      const socket = connect(t.url, { transports: ["websocket"], forceNew: true, reconnection: false, auth });
      sockets.push(socket);
      return new Promise<{ connected: true } | { error: Error }>((resolve) => {
        socket.once("connect", () => resolve({ connected: true }));
        socket.once("connect_error", (error) => resolve({ error }));
      });
    };

    it("refuses a page from another release with a reason it can show, and lets the current one connect", async () => {
      t = await startTestServer();
      const refusal = { reason: "incompatible_protocol", serverVersion: PROTOCOL_VERSION, message: OUTDATED_PAGE_MESSAGE };
      for (const auth of [{ protocolVersion: PROTOCOL_VERSION - 1 }, { protocolVersion: PROTOCOL_VERSION + 1 }, { protocolVersion: "1" }, undefined]) {
        const outcome = await connectWith(auth);
        expect(outcome, JSON.stringify(auth)).toHaveProperty("error");
        const { error } = outcome as { error: Error };
        expect(error.message).toBe("This page is out of date: reload it for the latest version.");
        expect(protocolRefusalOf(error)).toEqual(refusal);
      }
      expect(await connectWith({ ...HANDSHAKE_AUTH })).toEqual({ connected: true });
      // The pages' own factory sends the current version too.
      expect((await t.client()).connected).toBe(true);
    });
  });
});
