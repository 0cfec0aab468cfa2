import { afterEach, describe, expect, it } from "vitest";
import { ManualClock } from "../../lib/domain/clock";
import { sevenTomorrowUk } from "../../lib/domain/uk-time";
import type { ChangesMessage } from "../../lib/realtime/protocol";
import { EVENTS } from "../../lib/realtime/protocol";
import { addUser, signIn } from "../../test/support/console-client";
import { school, T0 } from "../../test/support/fixtures";
import { startTestServer, type TestServer } from "../../test/support/test-server";

const HOUR = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();
const close = (assetId: string, extra: Record<string, unknown> = {}) => ({ assetId, status: { code: "closed", message: "Snow", ...extra } });

describe("posting changes from the console", () => {
  let t: TestServer;
  afterEach(async () => t?.close());

  it("lets a site editor change their own school and refuses any other asset with 403, storing nothing", async () => {
    t = await startTestServer();
    await addUser(t, { email: "head@ashdown.sch.uk", name: "Head of Ashdown", role: "site", assets: ["school-1"] });
    const head = await signIn(t, "head@ashdown.sch.uk");
    expect((await head.post("/api/v1/changes", { changes: [{ ...close("school-1"), expectedVersion: 0 }] })).status).toBe(201);

    const other = await head.post("/api/v1/changes", { changes: [close("school-2")] });
    expect(other.status).toBe(403);
    expect((await other.json()).error.message).toBe(
      "Your account may change only the asset school-1; it may not change Brookfield High (school-2). Nothing was stored.",
    );
    // One refused asset in a batch refuses the whole batch.
    const mixed = await head.post("/api/v1/changes", { changes: [{ assetId: "school-1", status: { code: "open" } }, close("route-1")] });
    expect(mixed.status).toBe(403);
    expect(await t.store.headSeq()).toBe(1);
    expect((await t.store.getAsset("school-1"))?.status.code).toBe("closed");
    expect((await t.store.getAsset("school-2"))?.status.code).toBe("open");
  });

  it("limits an officer to their layers and a token to its layers", async () => {
    t = await startTestServer();
    await addUser(t, { email: "bins@council.gov.uk", name: "Bins Officer", role: "officer", layers: ["bins"] });
    const bins = await signIn(t, "bins@council.gov.uk");
    const onSchools = await bins.post("/api/v1/changes", { changes: [close("school-1")] });
    expect(onSchools.status).toBe(403);
    expect((await onSchools.json()).error.message).toMatch(/may change bin collections; it may not change Ashdown Primary/);
    expect((await bins.post("/api/v1/changes", { changes: [{ assetId: "round-1", status: { code: "delayed" } }] })).status).toBe(201);

    const { token } = await t.store.tokens.create("gritting feed", T0, null, { layers: ["gritting"] });
    expect((await t.post({ changes: [close("school-1")] }, { token })).status).toBe(403);
    expect((await t.post({ changes: [{ assetId: "route-1", status: { code: "completed" } }] }, { token })).status).toBe(201);
    expect((await t.store.getAsset("school-1"))?.status.code).toBe("open");
  });

  it("shows the second of two officers who changed the school, when and to what; re-applying with the new version wins", async () => {
    t = await startTestServer();
    await addUser(t, { email: "ann@council.gov.uk", name: "Ann Officer", role: "officer", layers: ["schools"] });
    await addUser(t, { email: "bob@council.gov.uk", name: "Bob Officer", role: "officer", layers: ["schools"] });
    const [ann, bob] = [await signIn(t, "ann@council.gov.uk"), await signIn(t, "bob@council.gov.uk")];
    // Both loaded school-1 at version 0.
    expect((await ann.post("/api/v1/changes", { changes: [{ ...close("school-1", { message: "Boiler failure" }), expectedVersion: 0 }] })).status).toBe(201);
    const conflict = await bob.post("/api/v1/changes", { changes: [{ ...close("school-1", { code: "late_opening", message: "Opening at 10" }), expectedVersion: 0 }] });
    expect(conflict.status).toBe(409);
    const { error } = await conflict.json();
    expect(error.conflicts[0]).toMatchObject({
      assetId: "school-1",
      expectedVersion: 0,
      currentVersion: 1,
      current: { assetName: "Ashdown Primary", status: { label: "Closed", message: "Boiler failure" }, lastChange: { by: "Ann Officer", at: iso(T0), kind: "set" } },
    });
    expect((await t.store.getAsset("school-1"))?.status.message).toBe("Boiler failure");
    const reapplied = await bob.post("/api/v1/changes", { changes: [{ ...close("school-1", { code: "late_opening", message: "Opening at 10" }), expectedVersion: 1 }] });
    expect(reapplied.status).toBe(201);
    expect((await t.store.getAsset("school-1"))?.status).toMatchObject({ code: "late_opening", version: 2 });
    // The public never sees who.
    expect(JSON.stringify(await (await fetch(`${t.url}/api/v1/assets/school-1`)).json())).not.toMatch(/Ann|Bob/);
  });

  it("undoes a change through the API, refusing an undo that would overwrite a change made since", async () => {
    t = await startTestServer();
    await addUser(t, { email: "ann@council.gov.uk", name: "Ann Officer", role: "officer", layers: ["schools"] });
    await addUser(t, { email: "bins@council.gov.uk", name: "Bins Officer", role: "officer", layers: ["bins"] });
    const ann = await signIn(t, "ann@council.gov.uk");
    const posted = await (await ann.post("/api/v1/changes", { changes: [close("school-1"), close("school-2")] })).json();
    const undo = (client: typeof ann, seq: number, expectedVersion: number) => client.post("/api/v1/changes/undo", { changes: [{ seq, expectedVersion }] });

    expect((await undo(await signIn(t, "bins@council.gov.uk"), posted.changes[0].seq, 1)).status).toBe(403);
    const undone = await undo(ann, posted.changes[0].seq, 1);
    expect(undone.status).toBe(201);
    expect((await undone.json()).changes[0]).toMatchObject({ assetId: "school-1", kind: "undo", status: { code: "open", version: 2 } });
    await ann.post("/api/v1/changes", { changes: [{ assetId: "school-2", status: { code: "partially_open" } }] });
    const stale = await undo(ann, posted.changes[1].seq, 1);
    expect(stale.status).toBe(409);
    expect((await stale.json()).error.conflicts[0].current.status.label).toBe("Partially open");
    const audit = await (await ann.get("/api/v1/audit?asset=school-1")).json();
    expect(audit.changes.map((c: { kind: string; actor: { name: string } }) => [c.kind, c.actor.name])).toEqual([
      ["undo", "Ann Officer"],
      ["set", "Ann Officer"],
    ]);
  });

  it("closes 150 schools in one atomic batch, one broadcast, with 150 audit entries in the officer's name", async () => {
    t = await startTestServer();
    const extra = Array.from({ length: 150 }, (_, i) => school(`school-b${String(i).padStart(3, "0")}`, `Bulk School ${i}`, -2.3, 53.42));
    await t.store.upsertAssets(extra, T0);
    await addUser(t, { email: "ann@council.gov.uk", name: "Ann Officer", role: "officer", layers: ["schools"] });
    const ann = await signIn(t, "ann@council.gov.uk");
    const socket = await t.client();
    const messages: ChangesMessage[] = [];
    socket.on(EVENTS.changes, (m) => messages.push(m));

    const until = iso(sevenTomorrowUk(T0));
    const res = await ann.post("/api/v1/changes", { changes: extra.map((s) => ({ ...close(s.id, { until }), expectedVersion: 0 })) });
    expect(res.status).toBe(201);
    const body = await res.json();
    expect([body.fromSeq, body.seq, body.changes.length]).toEqual([1, 150, 150]);
    await expect.poll(() => messages.length).toBe(1);
    expect(messages[0]!.changes).toHaveLength(150);

    const audit = await (await ann.get(`/api/v1/audit?by=user:${ann.user.id}&limit=1000`)).json();
    expect(audit.changes).toHaveLength(150);
    expect(new Set(audit.changes.map((c: { actor: { name: string } }) => c.actor.name))).toEqual(new Set(["Ann Officer"]));
  });

  it("schedules a change that takes effect at its from time and reverts at its until, by the clock", async () => {
    const clock = new ManualClock(T0);
    t = await startTestServer({ clock });
    await addUser(t, { email: "ann@council.gov.uk", name: "Ann Officer", role: "officer", layers: ["schools"] });
    const ann = await signIn(t, "ann@council.gov.uk");
    const socket = await t.client();
    const messages: ChangesMessage[] = [];
    socket.on(EVENTS.changes, (m) => messages.push(m));

    const from = T0 + HOUR;
    const until = T0 + 3 * HOUR;
    const res = await ann.post("/api/v1/changes", { changes: [close("school-1", { message: "Heating repairs", from: iso(from), until: iso(until) })] });
    expect((await res.json()).changes[0]).toMatchObject({ kind: "schedule", status: { code: "open", upcoming: { code: "closed", from: iso(from) } } });
    const publicStatus = async () => (await (await fetch(`${t.url}/api/v1/assets/school-1`)).json()).properties.status;
    expect(await publicStatus()).toMatchObject({ code: "open", upcoming: { label: "Closed", message: "Heating repairs" } });

    clock.set(from - 1);
    expect(await t.server.dueTransitions.runDue()).toEqual([]);
    clock.set(from);
    const [activated] = await t.server.dueTransitions.runDue();
    expect(activated!.changes[0]).toMatchObject({ kind: "activate", status: { code: "closed", message: "Heating repairs", until: iso(until) } });
    expect(await publicStatus()).toMatchObject({ code: "closed", upcoming: null });

    clock.set(until);
    const [expired] = await t.server.dueTransitions.runDue();
    expect(expired!.changes[0]).toMatchObject({ kind: "expire", status: { code: "open", message: "" } });
    expect(await publicStatus()).toMatchObject({ code: "open" });
    // Live clients get every transition (bursts may share a message).
    await expect.poll(() => messages.flatMap((m) => m.changes.map((c) => c.kind))).toEqual(["schedule", "activate", "expire"]);
    // Three hours on, Ann's session has gone idle; she signs in again to read the log.
    expect((await ann.get("/api/v1/audit")).status).toBe(401);
    const audit = await (await (await signIn(t, "ann@council.gov.uk")).get("/api/v1/audit?asset=school-1")).json();
    expect(audit.changes.map((c: { kind: string; actor: { name: string } }) => `${c.kind} by ${c.actor.name}`)).toEqual([
      "expire by Snowline",
      "activate by Snowline",
      "schedule by Ann Officer",
    ]);
  });
});
