import { spawn, type ChildProcess } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openLiveSocket } from "../components/live/live-socket";
import { openPostgresStore, dropPostgresSchema } from "../lib/store/postgres-store";
import type { ChangesMessage } from "../lib/realtime/protocol";
import { EVENTS } from "../lib/realtime/protocol";
import { userInputSchema } from "../lib/domain/users";
import { hashPassword } from "../server/auth/passwords";
import { sampleAssets, T0 } from "./support/fixtures";
import { isPostgresMissing, isRedisMissing, TEST_DATABASE_URL, TEST_REDIS_URL, uniqueName } from "./support/services";

function startNode(env: Record<string, string>): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ["--import", "tsx", "test/support/node-process.ts"], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    let output = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const match = /READY (\S+)/.exec(output);
      if (match) resolve({ child, url: match[1]! });
    });
    child.once("exit", (code) => reject(new Error(`node exited with ${code} before it was ready`)));
  });
}

describe.skipIf(isPostgresMissing() || isRedisMissing())("two server processes sharing PostgreSQL and Redis", () => {
  const schema = uniqueName("snl_multi");
  const env = { TEST_DATABASE_URL, TEST_SCHEMA: schema, TEST_REDIS_URL, TEST_NAMESPACE: uniqueName("snl_multi") };
  let nodes: { child: ChildProcess; url: string }[] = [];
  let token = "";

  beforeAll(async () => {
    const store = await openPostgresStore({ url: TEST_DATABASE_URL, schema });
    await store.upsertAssets(sampleAssets(), T0);
    token = (await store.tokens.create("multi-node", Date.now())).token;
    const officer = userInputSchema.parse({ email: "ann@council.gov.uk", name: "Ann Officer", role: "officer", layers: ["schools"] });
    await store.users.create(officer, Date.now(), await hashPassword("correct horse battery staple"));
    const target = userInputSchema.parse({ email: "target@council.gov.uk", name: "Target", role: "admin" });
    await store.users.create(target, Date.now(), await hashPassword("correct horse battery staple"));
    await store.close();
    nodes = await Promise.all([startNode(env), startNode(env)]);
  }, 60_000);

  afterAll(async () => {
    await Promise.all(
      nodes.map(({ child }) => new Promise((resolve) => (child.once("exit", resolve), child.kill("SIGTERM")))),
    );
    await dropPostgresSchema(TEST_DATABASE_URL, schema);
  });

  it("delivers a change posted to either node to the clients of both, in seq order", async () => {
    const clients = nodes.map(({ url }) => openLiveSocket({ transports: ["websocket"], forceNew: true, reconnection: false }, url));
    await Promise.all(clients.map((c) => new Promise((resolve) => c.once("connect", () => resolve(null)))));
    const received: ChangesMessage[][] = clients.map(() => []);
    clients.forEach((c, i) => c.on(EVENTS.changes, (m: ChangesMessage) => received[i]!.push(m)));

    const post = (url: string, assetId: string, code: string) =>
      fetch(`${url}/api/v1/changes`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
        body: JSON.stringify({ changes: [{ assetId, status: { code } }] }),
      });

    expect((await post(nodes[0]!.url, "school-1", "closed")).status).toBe(201);
    await expect.poll(() => received.map((r) => r.flatMap((m) => m.changes).length)).toEqual([1, 1]);

    await Promise.all([post(nodes[1]!.url, "school-2", "closed"), post(nodes[0]!.url, "school-3", "late_opening")]);
    await expect.poll(() => received.map((r) => r.flatMap((m) => m.changes).length)).toEqual([3, 3]);
    for (const messages of received) {
      expect(messages.flatMap((m) => m.changes.map((c) => c.seq))).toEqual([1, 2, 3]);
      messages.reduce((previous, m) => (expect(m.since).toBe(previous), m.seq), 0);
    }
    clients.forEach((c) => c.disconnect());
  });

  const signIn = (url: string, email: string, password: string) =>
    fetch(`${url}/api/v1/auth/sign-in`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email, password }) });

  it("keeps a console session valid on every node: signed in on one, writing through the other", async () => {
    const res = await signIn(nodes[0]!.url, "ann@council.gov.uk", "correct horse battery staple");
    expect(res.status).toBe(200);
    const cookie = res.headers.getSetCookie()[0]!.split(";")[0]!;
    const { csrfToken } = await res.json();
    const post = await fetch(`${nodes[1]!.url}/api/v1/changes`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie, "x-csrf-token": csrfToken },
      body: JSON.stringify({ changes: [{ assetId: "school-1", status: { code: "partially_open" } }] }),
    });
    expect(post.status).toBe(201);
    const signOut = await fetch(`${nodes[1]!.url}/api/v1/auth/sign-out`, { method: "POST", headers: { cookie, "x-csrf-token": csrfToken } });
    expect(signOut.status).toBe(200);
    expect((await fetch(`${nodes[0]!.url}/api/v1/auth/session`, { headers: { cookie } })).status).toBe(401);
  });

  it("counts wrong passwords across nodes: 5 on each throttle the account on both", async () => {
    for (let i = 0; i < 5; i++) expect((await signIn(nodes[0]!.url, "target@council.gov.uk", `wrong ${i}`)).status).toBe(401);
    for (let i = 0; i < 4; i++) expect((await signIn(nodes[1]!.url, "target@council.gov.uk", `wrong ${i}`)).status).toBe(401);
    expect((await signIn(nodes[1]!.url, "target@council.gov.uk", "wrong 5")).status).toBe(429);
    expect((await signIn(nodes[0]!.url, "target@council.gov.uk", "correct horse battery staple")).status).toBe(429);
  });
});
