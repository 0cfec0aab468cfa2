import net from "node:net";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { isPostgresMissing, TEST_DATABASE_URL } from "../support/services";
import { openDrill, waitUntil, type Drill } from "./harness";
import { isRedisServerMissing } from "./services";

const refusesConnections = (url: string) =>
  new Promise<boolean>((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port: Number(new URL(url).port) });
    socket.once("connect", () => (socket.destroy(), resolve(false)));
    socket.once("error", () => resolve(true));
  });

describe.skipIf(isPostgresMissing() || isRedisServerMissing)("graceful stop with requests in flight", () => {
  let drill: Drill | null = null;
  afterEach(async () => {
    await drill?.close();
    drill = null;
  });

  it("answers every POST it had accepted, and stores exactly the ones it answered 201 (finding 2)", async () => {
    drill = await openDrill();
    const node = await drill.addNode();
    // Hold the seq lock, so all 20 POSTs are inside their transactions when the stop begins.
    const lock = new pg.Client({ connectionString: TEST_DATABASE_URL, options: `-c search_path=${drill.schema}` });
    await lock.connect();
    await lock.query("begin");
    await lock.query("select value from seq_counter where id = 1 for update");

    let received = 0;
    node.server!.httpServer.on("request", () => (received += 1));
    const answers = Array.from({ length: 20 }, (_, i) =>
      fetch(`${node.url}/api/v1/changes`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${drill!.token}` },
        body: JSON.stringify({ changes: [{ assetId: "school-1", status: { code: "closed", message: `in flight ${i}` } }] }),
      }).then(
        (res) => res.status,
        () => 0,
      ),
    );
    expect(await waitUntil(() => received === 20, 10_000)).toBe(true);

    const stopped = node.stop();
    expect(await waitUntil(() => refusesConnections(node.url), 10_000)).toBe(true);
    await lock.query("commit");
    await lock.end();
    await stopped;
    drill.removeNode(node);

    expect(await Promise.all(answers)).toEqual(Array(20).fill(201));
    expect(await drill.store.headSeq()).toBe(20);
  });
});
