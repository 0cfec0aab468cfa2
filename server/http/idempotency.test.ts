import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { ManualClock } from "../../lib/domain/clock";
import { IDEMPOTENCY_KEY_TTL_MS } from "../../lib/domain/idempotency";
import { isPostgresMissing } from "../../test/support/services";
import { postgresFactory, sqliteFactory, type StoreFactory } from "../../test/support/stores";
import { startTestServer, type TestServer } from "../../test/support/test-server";
import { startWebhookReceiver } from "../../test/support/webhook-receiver";
import type { BusMessage } from "../bus/bus";

const closeSchool = (expectedVersion?: number) => ({
  changes: [{ assetId: "school-1", status: { code: "closed", message: "Snow" }, ...(expectedVersion === undefined ? {} : { expectedVersion }) }],
});

function suite(factory: StoreFactory) {
  let t: TestServer;
  let published: BusMessage[];
  let closeReceiver: () => Promise<void>;

  beforeEach(async () => {
    t = await startTestServer({ storeFactory: factory, webhooks: { allowedHosts: ["127.0.0.1"] } });
    published = [];
    t.bus.subscribe((message) => published.push(message));
    const receiver = await startWebhookReceiver();
    closeReceiver = receiver.close;
    const res = await fetch(`${t.url}/api/v1/webhooks`, {
      method: "POST",
      headers: { ...(await t.adminHeaders()), "content-type": "application/json" },
      body: JSON.stringify({ url: receiver.url, layers: ["schools"] }),
    });
    expect(res.status).toBe(201);
  });
  afterEach(async () => {
    await t.close();
    await closeReceiver();
  });

  const post = (path: string, body: unknown, key: string | null, token = t.token) =>
    fetch(`${t.url}/api/v1${path}`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json", ...(key === null ? {} : { "idempotency-key": key }) },
      body: JSON.stringify(body),
    });
  const changeBatchesPublished = () => published.filter((m) => m.type === "changes").length;
  const deliveries = () => t.store.webhooks.deliveries();

  it("a retried POST /changes (lost answer) stores once, answers the same seq and body, broadcasts and enqueues webhooks once", async () => {
    const first = await post("/changes", closeSchool(), "key-1");
    expect(first.status).toBe(201);
    const firstBody = await first.text();
    const retry = await post("/changes", closeSchool(), "key-1");
    expect(retry.status).toBe(201);
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect(await retry.text()).toBe(firstBody);
    expect(JSON.parse(firstBody).seq).toBe(1);

    expect(await t.store.headSeq()).toBe(1);
    expect(changeBatchesPublished()).toBe(1);
    expect(await deliveries()).toHaveLength(1);
  });

  it("without a key the same POST is two writes, as before", async () => {
    await post("/changes", closeSchool(), null);
    await post("/changes", closeSchool(), null);
    expect(await t.store.headSeq()).toBe(2);
  });

  it("a retry with expectedVersion gets the first 201 again, not a 409 describing its own write", async () => {
    const first = await post("/changes", closeSchool(0), "versioned");
    expect(first.status).toBe(201);
    const retry = await post("/changes", closeSchool(0), "versioned");
    expect(retry.status).toBe(201);
    expect(await retry.json()).toEqual(await first.json());
    expect(await t.store.headSeq()).toBe(1);
  });

  it("the same key with another body is refused with 422 and stores nothing", async () => {
    expect((await post("/changes", closeSchool(), "reused")).status).toBe(201);
    const other = await post("/changes", { changes: [{ assetId: "school-2", status: { code: "closed" } }] }, "reused");
    expect(other.status).toBe(422);
    expect((await other.json()).error.message).toMatch(/different request/);
    expect(await t.store.headSeq()).toBe(1);
    expect((await t.store.getAsset("school-2"))?.status.code).toBe("open");
  });

  it("two concurrent requests with one key store one batch; the other replays it or is told it is in progress", async () => {
    const answers = await Promise.all([post("/changes", closeSchool(), "racing"), post("/changes", closeSchool(), "racing")]);
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses[0]).toBe(201);
    expect([201, 409]).toContain(statuses[1]);
    const inProgress = answers.find((a) => a.status === 409);
    if (inProgress) expect(inProgress.headers.get("retry-after")).toBe("1");
    expect(await t.store.headSeq()).toBe(1);
    expect(changeBatchesPublished()).toBe(1);
  });

  it("a failed write gives its key back, so the corrected retry with that key runs", async () => {
    const refused = await post("/changes", { changes: [{ assetId: "nowhere", status: { code: "closed" } }] }, "fix-me");
    expect(refused.status).toBe(404);
    // A different body under the same key is fine here: the first attempt stored nothing and was not remembered.
    expect((await post("/changes", closeSchool(), "fix-me")).status).toBe(201);
  });

  it("keys belong to their caller: another token's identical key is its own request", async () => {
    const { token: other } = await t.store.tokens.create("other", t.clock.now());
    expect((await post("/changes", closeSchool(), "shared")).status).toBe(201);
    const theirs = await post("/changes", closeSchool(), "shared", other);
    expect(theirs.status).toBe(201);
    expect((await theirs.json()).seq).toBe(2);
  });

  it("keys are kept 24 hours; after that the same key is a new request", async () => {
    expect((await post("/changes", closeSchool(), "old")).status).toBe(201);
    (t.clock as ManualClock).advance(IDEMPOTENCY_KEY_TTL_MS - 1);
    expect((await (await post("/changes", closeSchool(), "old")).json()).seq).toBe(1);
    (t.clock as ManualClock).advance(2);
    expect((await (await post("/changes", closeSchool(), "old")).json()).seq).toBe(2);
    expect(await t.store.idempotency.sweep(t.clock.now() + IDEMPOTENCY_KEY_TTL_MS + 1)).toBe(1);
  });

  it("a retried undo stores one undo", async () => {
    await post("/changes", closeSchool(), null);
    const undo = { changes: [{ seq: 1, expectedVersion: 1 }] };
    const first = await post("/changes/undo", undo, "undo-1");
    expect(first.status).toBe(201);
    const retry = await post("/changes/undo", undo, "undo-1");
    expect(retry.status).toBe(201);
    expect(await retry.json()).toEqual(await first.json());
    expect(await t.store.headSeq()).toBe(2);
  });

  it("a retried console notice is created once", async () => {
    const send = async () =>
      fetch(`${t.url}/api/v1/notices`, {
        method: "POST",
        headers: { ...(await t.adminHeaders()), "content-type": "application/json", "idempotency-key": "notice-1" },
        body: JSON.stringify({ level: "warning", text: "Roads are icy" }),
      });
    const first = await send();
    expect(first.status).toBe(201);
    const retry = await send();
    expect(retry.status).toBe(201);
    expect(await retry.json()).toEqual(await first.json());
    expect(await t.store.notices.list()).toHaveLength(1);
  });

  it("refuses a malformed key", async () => {
    expect((await post("/changes", closeSchool(), "has space")).status).toBe(400);
    expect(await t.store.headSeq()).toBe(0);
  });
}

describe("Idempotency-Key on writes [sqlite]", () => suite(sqliteFactory));
describe.skipIf(isPostgresMissing())("Idempotency-Key on writes [postgres]", () => suite(postgresFactory));
