import { afterEach, beforeEach, expect, it } from "vitest";
import { ConflictError, NotFoundError, ValidationError } from "../domain/errors";
import type { ChangeInput } from "../domain/status";
import { SYSTEM_ACTOR } from "../domain/change";
import { describeEachStore } from "../../test/support/stores";
import { sampleAssets, school, T0, TEST_ACTOR } from "../../test/support/fixtures";
import type { Store } from "./store";
import { storedRows } from "./testing";

const at = (now: number) => ({ actor: TEST_ACTOR, ip: "127.0.0.1", now });
const iso = (ms: number) => new Date(ms).toISOString();
const HOUR = 3_600_000;

function set(assetId: string, code: string, extra: Partial<ChangeInput["status"]> = {}, expectedVersion?: number): ChangeInput {
  return { assetId, status: { code, message: "", ...extra }, ...(expectedVersion === undefined ? {} : { expectedVersion }) };
}

describeEachStore("store", (factory) => {
  let store: Store;
  let dispose: () => Promise<void>;

  beforeEach(async () => {
    ({ store, dispose } = await factory.open());
    await store.upsertAssets(sampleAssets(), T0);
  });
  afterEach(async () => dispose());

  it("gives new assets their layer's default status at version 0", async () => {
    const assets = await store.listAssets();
    expect(assets).toHaveLength(5);
    const byId = Object.fromEntries(assets.map((a) => [a.id, a.status]));
    expect(byId["school-1"]).toMatchObject({ code: "open", category: "ok", version: 0, upcoming: null });
    expect(byId["route-1"]).toMatchObject({ code: "not_scheduled", version: 0 });
    expect(byId["round-1"]).toMatchObject({ code: "normal", version: 0 });
    expect(await store.headSeq()).toBe(0);
    expect(await store.listAssets({ layer: "schools" })).toHaveLength(3);
  });

  it("keeps statuses when assets are imported again", async () => {
    await store.appendChanges([set("school-1", "closed")], at(T0));
    const result = await store.upsertAssets([{ ...sampleAssets()[0]!, name: "Ashdown Primary School" }, school("school-9", "New", -2.3, 53.4)], T0);
    expect(result).toEqual({ added: 1, updated: 1 });
    const asset = await store.getAsset("school-1");
    expect(asset).toMatchObject({ name: "Ashdown Primary School", status: { code: "closed", version: 1 } });
  });

  it("finds the stored assets among ids of any layer, once each, without their status", async () => {
    const found = await store.findAssets(["route-1", "school-1", "nope", "school-1"]);
    expect(found.map((a) => a.id).sort()).toEqual(["route-1", "school-1"]);
    expect(found.find((a) => a.id === "school-1")).toEqual(sampleAssets().find((a) => a.id === "school-1"));
    expect(await store.findAssets([])).toEqual([]);
  });

  it("appends a batch with consecutive seqs and derives the current status from it", async () => {
    const message = `Closed <script>alert("x")</script> & "snow" 'today'\nSee you tomorrow`;
    const batch = await store.appendChanges(
      [set("school-1", "closed", { message, until: iso(T0 + 10 * HOUR) }), set("route-1", "in_progress")],
      at(T0),
    );
    expect(batch.fromSeq).toBe(1);
    expect(batch.toSeq).toBe(2);
    expect(batch.changes.map((c) => [c.seq, c.assetId, c.kind])).toEqual([
      [1, "school-1", "set"],
      [2, "route-1", "set"],
    ]);
    const asset = await store.getAsset("school-1");
    expect(asset?.status).toMatchObject({
      code: "closed",
      label: "Closed",
      category: "closed",
      message,
      until: iso(T0 + 10 * HOUR),
      setAt: iso(T0),
      version: 1,
    });
    expect(await store.headSeq()).toBe(2);
    expect((await store.changesSince(0, 100)).map((c) => c.seq)).toEqual([1, 2]);
    expect((await store.changesSince(1, 100)).map((c) => c.seq)).toEqual([2]);
    expect((await store.changesSince(0, 100, ["gritting"])).map((c) => c.assetId)).toEqual(["route-1"]);
    const resumed = await store.changesSinceWithHead(0, 100, ["schools"]);
    expect({ seq: resumed.seq, seqs: resumed.changes.map((c) => c.seq) }).toEqual({ seq: 2, seqs: [1] });
    expect((await store.assetHistory("school-1", 10))[0]?.status.message).toBe(message);
  });

  it("stores nothing when one change in a batch has a code from another layer", async () => {
    const error = await store
      .appendChanges([set("school-1", "closed"), set("route-1", "closed")], at(T0))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fieldErrors).toEqual([
      { path: "changes.1.status.code", message: expect.stringContaining("not a gritting status") },
    ]);
    expect(await store.headSeq()).toBe(0);
    expect((await store.getAsset("school-1"))?.status.code).toBe("open");
  });

  it("stores nothing when a batch names an unknown asset", async () => {
    await expect(store.appendChanges([set("school-1", "closed"), set("nope", "closed")], at(T0))).rejects.toBeInstanceOf(
      NotFoundError,
    );
    expect(await store.changesSince(0, 10)).toEqual([]);
  });

  it("refuses a stale expectedVersion and stores nothing", async () => {
    await store.appendChanges([set("school-1", "closed", {}, 0)], at(T0));
    const error = await store
      .appendChanges([set("school-2", "closed", {}, 0), set("school-1", "open", {}, 0)], at(T0))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).conflicts).toEqual([{ assetId: "school-1", expectedVersion: 0, currentVersion: 1, index: 1 }]);
    expect(await store.headSeq()).toBe(1);
    expect((await store.getAsset("school-2"))?.status.code).toBe("open");
  });

  it("refuses the same asset twice in one batch, and an until already past", async () => {
    await expect(store.appendChanges([set("school-1", "closed"), set("school-1", "open")], at(T0))).rejects.toBeInstanceOf(
      ValidationError,
    );
    await expect(store.appendChanges([set("school-1", "closed", { until: iso(T0 - 1) })], at(T0))).rejects.toBeInstanceOf(
      ValidationError,
    );
    expect(await store.headSeq()).toBe(0);
  });

  it("keeps seq gapless and strictly increasing across 20 concurrent batches", async () => {
    const ids = ["school-1", "school-2", "school-3"];
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        store.appendChanges(
          ids.map((id, j) => set(id, (i + j) % 2 ? "closed" : "open", { message: `batch ${i}` })),
          at(T0 + i),
        ),
      ),
    );
    expect(results.every((r) => r.status === "fulfilled")).toBe(true);
    const seqs = (await store.changesSince(0, 1000)).map((c) => c.seq);
    expect(seqs).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
    const ranges = results.map((r) => (r.status === "fulfilled" ? [r.value.fromSeq, r.value.toSeq] : [])).sort((a, b) => a[0]! - b[0]!);
    ranges.forEach(([from, to], i) => expect([from, to]).toEqual([i * 3 + 1, i * 3 + 3]));
    expect((await store.getAsset("school-1"))?.status.version).toBe(20);
  });

  it("reverts an expired status to the default as a logged system change", async () => {
    await store.appendChanges([set("school-1", "closed", { message: "Snow", until: iso(T0 + HOUR) })], at(T0));
    expect(await store.nextDueTime()).toBe(T0 + HOUR);
    expect(await store.applyDueTransitions({ actor: SYSTEM_ACTOR, ip: null, now: T0 + HOUR - 1 })).toBeNull();

    const batch = await store.applyDueTransitions({ actor: SYSTEM_ACTOR, ip: null, now: T0 + HOUR });
    expect(batch?.changes).toHaveLength(1);
    expect(batch?.changes[0]).toMatchObject({ seq: 2, assetId: "school-1", kind: "expire", status: { code: "open", message: "", until: null, version: 2 } });
    expect(await store.nextDueTime()).toBeNull();
    expect(await store.applyDueTransitions({ actor: SYSTEM_ACTOR, ip: null, now: T0 + 2 * HOUR })).toBeNull();
  });

  it("shows a future status as upcoming and activates it at its from time", async () => {
    const from = T0 + HOUR;
    const until = T0 + 3 * HOUR;
    const batch = await store.appendChanges([set("school-2", "closed", { message: "Heating failure", from: iso(from), until: iso(until) })], at(T0));
    expect(batch.changes[0]).toMatchObject({ kind: "schedule", status: { code: "open", version: 1, upcoming: { code: "closed", from: iso(from) } } });

    const activated = await store.applyDueTransitions({ actor: SYSTEM_ACTOR, ip: null, now: from + 5 });
    expect(activated?.changes[0]).toMatchObject({ kind: "activate", status: { code: "closed", message: "Heating failure", until: iso(until), upcoming: null, version: 2 } });
    // Several transitions due at once (say every node was down): each is logged, in the order they fell due.
    await store.appendChanges([set("school-3", "late_opening", { from: iso(from), until: iso(until) })], at(T0));
    const late = await store.applyDueTransitions({ actor: SYSTEM_ACTOR, ip: null, now: until + 1 });
    expect(late?.changes.map((c) => [c.assetId, c.kind])).toEqual([
      ["school-3", "activate"],
      ["school-3", "expire"],
      ["school-2", "expire"],
    ]);
  });

  it("applies a due transition exactly once when several nodes sweep at the same moment", async () => {
    await store.appendChanges(
      ["school-1", "school-2", "school-3"].map((id) => set(id, "closed", { until: iso(T0 + HOUR) })),
      at(T0),
    );
    const sweeps = await Promise.all(
      Array.from({ length: 5 }, () => store.applyDueTransitions({ actor: SYSTEM_ACTOR, ip: null, now: T0 + HOUR })),
    );
    const applied = sweeps.flatMap((b) => b?.changes ?? []);
    expect(applied.map((c) => c.assetId).sort()).toEqual(["school-1", "school-2", "school-3"]);
    expect(await store.headSeq()).toBe(6);
  });

  it("keeps notices with their author, shows the public only current and upcoming ones, without author", async () => {
    const actor = TEST_ACTOR;
    const now = T0;
    const showing = await store.notices.create({ level: "severe", text: `Roads <b>icy</b> & "dangerous"` }, { actor, ip: "10.0.0.1", now });
    const later = await store.notices.create({ level: "info", text: "Tomorrow", from: iso(now + HOUR), until: iso(now + 2 * HOUR) }, { actor, ip: null, now });
    const ended = await store.notices.create({ level: "warning", text: "Old" }, { actor, ip: null, now });
    await store.notices.end(ended.id, { actor, now });
    await expect(store.notices.end(ended.id, { actor, now })).rejects.toBeInstanceOf(NotFoundError);

    const visible = await store.publicNotices(now);
    expect(visible.map((n) => n.id)).toEqual([showing.id, later.id]);
    expect(visible[0]).toEqual({ id: showing.id, level: "severe", text: `Roads <b>icy</b> & "dangerous"`, from: null, until: null, createdAt: iso(now) });
    expect(await store.publicNotices(now + 3 * HOUR)).toHaveLength(1);
    const all = await store.notices.list();
    expect(all.find((n) => n.id === ended.id)).toMatchObject({ createdBy: "Test token", endedBy: "Test token", endedAt: iso(now) });
  });

  it("stores API tokens hashed and honours revocation and expiry", async () => {
    const { token, record } = await store.tokens.create("newsroom", T0, T0 + HOUR);
    expect(token).toMatch(/^snl_[A-Za-z0-9_-]{43}$/);
    const [row] = await storedRows(store, "api_tokens");
    expect(row!.token_hash).not.toContain(token);
    expect(await store.tokens.verify(token, T0)).toMatchObject({ id: record.id, name: "newsroom" });
    expect(await store.tokens.verify(token + "x", T0)).toBeNull();
    expect(await store.tokens.verify(token, T0 + HOUR)).toBeNull();
    expect(await store.tokens.revoke(record.id, T0)).toBe(true);
    expect(await store.tokens.verify(token, T0)).toBeNull();
  });
});
