import { afterEach, expect, it } from "vitest";
import { dropPostgresSchema, openPostgresStore } from "../../../lib/store/postgres-store";
import { postImport } from "../../../test/support/admin-api";
import { isPostgresMissing, isRedisMissing, TEST_DATABASE_URL, TEST_REDIS_URL, uniqueName } from "../../../test/support/services";
import type { StoreFactory } from "../../../test/support/stores";
import { startTestServer, type TestServer } from "../../../test/support/test-server";
import type { BusMessage } from "../../bus/bus";
import { createRedisBus } from "../../bus/redis-bus";

const servers: TestServer[] = [];
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((t) => t.close()));
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

/** Two nodes' stores on one PostgreSQL schema, dropped once both are closed. */
function sharedSchema(): [StoreFactory, StoreFactory] {
  const schema = uniqueName("snl_cache");
  cleanups.push(() => dropPostgresSchema(TEST_DATABASE_URL, schema));
  const factory: StoreFactory = {
    name: "postgres",
    async open() {
      const store = await openPostgresStore({ url: TEST_DATABASE_URL, schema });
      return { store, dispose: () => store.close() };
    },
  };
  return [factory, factory];
}

/** Resolves when this node's bus has delivered a message of `type` (its server's own listener ran first). */
function nextMessage(t: TestServer, type: BusMessage["type"]): Promise<void> {
  return new Promise((resolve) => {
    const unsubscribe = t.bus.subscribe((message) => {
      if (message.type !== type) return;
      unsubscribe();
      resolve();
    });
  });
}

it("a change, a notice and an import posted to one node renew what the other node serves from memory, through Redis", async ({ skip }) => {
  if (isPostgresMissing() || isRedisMissing()) skip();
  const namespace = uniqueName("cache");
  const [first, second] = sharedSchema();
  const a = await startTestServer({ storeFactory: first, bus: await createRedisBus({ url: TEST_REDIS_URL, namespace }) });
  servers.push(a);
  const b = await startTestServer({ storeFactory: second, seed: false, bus: await createRedisBus({ url: TEST_REDIS_URL, namespace }) });
  servers.push(b);

  const statusesOnB = async () => (await (await fetch(`${b.url}/api/v1/statuses`)).json()) as { seq: number };
  expect((await statusesOnB()).seq).toBe(0);
  const notices = await (await fetch(`${b.url}/api/v1/notices`)).text();
  const geometry = await (await fetch(`${b.url}/api/v1/geometry`)).text();

  const changed = nextMessage(b, "changes");
  const posted = (await (await a.post({ changes: [{ assetId: "school-1", status: { code: "closed" } }] })).json()) as { seq: number };
  await changed;
  expect((await statusesOnB()).seq).toBe(posted.seq);

  const noticed = nextMessage(b, "notices");
  await a.server.notices.create({ level: "warning", text: "Roads icy" }, { type: "token", id: "x", name: "x" }, null);
  await noticed;
  const noticesAfter = await (await fetch(`${b.url}/api/v1/notices`)).text();
  expect(noticesAfter).not.toBe(notices);
  expect(noticesAfter).toContain("Roads icy");

  const imported = nextMessage(b, "assets");
  const csv = "URN,name,lat,lon\n900001,Ashdown Primary,53.42,-2.32\n";
  expect((await postImport(a, { layer: "schools", dryRun: "false" }, [{ name: "schools.csv", data: csv }])).status).toBe(200);
  await imported;
  const geometryAfter = await (await fetch(`${b.url}/api/v1/geometry`)).text();
  expect(geometryAfter).not.toBe(geometry);
  expect(geometryAfter).toContain("urn-900001");
});
