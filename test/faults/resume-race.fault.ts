import { openLiveSocket, type LiveSocket } from "../../components/live/live-socket";
import { afterEach, describe, expect, it } from "vitest";
import { EVENTS } from "../../lib/realtime/protocol";
import { StatusSync } from "../../lib/realtime/status-sync";
import { isPostgresMissing } from "../support/services";
import { openDrill, waitUntil, type Drill } from "./harness";
import { isRedisServerMissing } from "./services";

const CLIENTS = 20;
const WRITERS = 4;
const POSTS_PER_WRITER = 15;

describe.skipIf(isPostgresMissing() || isRedisServerMissing)("resume racing writes", () => {
  let drill: Drill | null = null;
  const sockets: LiveSocket[] = [];
  afterEach(async () => {
    sockets.splice(0).forEach((s) => s.disconnect());
    await drill?.close();
    drill = null;
  });

  it("never hands a client a change past the reply's own seq, so none is applied twice (finding 6)", async () => {
    drill = await openDrill();
    const node = await drill.addNode();
    const initialSeq = await drill.store.headSeq();

    const clients = await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        // The pages' own socket factory: it sends the protocol version the handshake checks.
        const socket = openLiveSocket({ transports: ["websocket"], forceNew: true }, node.url);
        sockets.push(socket);
        const applied = new Map<number, number>();
        const sync = new StatusSync({
          initialSeq,
          applyChanges: (changes) => changes.forEach((c) => applied.set(c.seq, (applied.get(c.seq) ?? 0) + 1)),
          requestResume: (since) => socket.timeout(10_000).emitWithAck(EVENTS.resume, { since }),
          refetch: () => Promise.reject(new Error("no reset expected in this race")),
        });
        socket.on(EVENTS.changes, (message) => sync.onChanges(message));
        socket.on(EVENTS.heartbeat, (message) => sync.onHeartbeat(message));
        await new Promise<void>((resolve) => socket.once("connect", () => resolve()));
        return { sync, applied };
      }),
    );

    let writing = true;
    const post = (message: string) =>
      fetch(`${node.url}/api/v1/changes`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${drill!.token}` },
        body: JSON.stringify({ changes: [{ assetId: "school-2", status: { code: "closed", message } }] }),
      }).then((res) => expect(res.status).toBe(201));
    const writers = Array.from({ length: WRITERS }, async (_, w) => {
      for (let i = 0; i < POSTS_PER_WRITER; i++) await post(`race ${w}.${i}`);
    });
    // Every client keeps resuming while the writers commit, so resumes land between commits.
    const resumers = clients.map(async ({ sync }) => {
      while (writing) await sync.resume();
    });
    await Promise.all(writers);
    writing = false;
    await Promise.all(resumers);

    const head = await drill.store.headSeq();
    expect(head).toBe(initialSeq + WRITERS * POSTS_PER_WRITER);
    expect(await waitUntil(() => clients.every((c) => c.sync.seq === head), 20_000)).toBe(true);
    const twice = clients.flatMap(({ applied }) => [...applied].filter(([, n]) => n > 1).map(([seq]) => seq));
    expect(twice).toEqual([]);
    for (const { applied } of clients) expect(applied.size).toBe(head - initialSeq);
  });
});
