import { afterEach, beforeEach, expect, it } from "vitest";
import { describeEachStore } from "../../test/support/stores";
import { sampleAssets, T0 } from "../../test/support/fixtures";
import { auditQuerySchema } from "../audit/audit-query";
import type { Actor } from "../domain/change";
import { ConflictError, NotFoundError, ValidationError } from "../domain/errors";
import { userInputSchema } from "../domain/users";
import type { Store } from "./store";
import { storedRows } from "./testing";

const HOUR = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();
const ann: Actor = { type: "user", id: "u-ann", name: "Ann Officer" };
const bob: Actor = { type: "user", id: "u-bob", name: "Bob Officer" };
const at = (actor: Actor, now: number, ip = "10.0.0.1") => ({ actor, ip, now });
const query = (input: Record<string, unknown> = {}) => auditQuerySchema.parse(input);

describeEachStore("console store", (factory) => {
  let store: Store;
  let dispose: () => Promise<void>;

  beforeEach(async () => {
    ({ store, dispose } = await factory.open());
    await store.upsertAssets(sampleAssets(), T0);
  });
  afterEach(async () => dispose());

  it("creates users with their scope, refuses a taken email or an unknown asset, and never returns the hash", async () => {
    const officer = await store.users.create(userInputSchema.parse({ email: " Ann@Council.gov.uk ", name: "Ann", role: "officer", layers: ["bins"] }), T0, "$argon2id$hash");
    expect(officer).toMatchObject({ email: "ann@council.gov.uk", role: "officer", layers: ["bins"], assets: [], hasPassword: true, disabledAt: null });
    expect(JSON.stringify(officer)).not.toContain("argon2");
    await expect(store.users.create(userInputSchema.parse({ email: "ann@council.gov.uk", name: "Ann 2", role: "admin" }), T0, null)).rejects.toBeInstanceOf(ValidationError);
    const unknown = await store.users
      .create(userInputSchema.parse({ email: "head@school.org", name: "Head", role: "site", assets: ["school-1", "school-99"] }), T0, null)
      .catch((e: unknown) => e);
    expect((unknown as ValidationError).fieldErrors).toEqual([{ path: "assets.1", message: "No asset has the id school-99" }]);
    expect((await store.users.findByEmail("ANN@council.gov.uk"))?.passwordHash).toBe("$argon2id$hash");
    const disabled = await store.users.setDisabled(officer.id, true, T0 + 1);
    expect(disabled.disabledAt).toBe(T0 + 1);
    expect((await store.users.list()).map((u) => u.email)).toEqual(["ann@council.gov.uk"]);
  });

  it("keeps sessions by the hash of their token and ends them one by one or all at once", async () => {
    const user = await store.users.create(userInputSchema.parse({ email: "a@b.org", name: "A", role: "admin" }), T0, null);
    const first = await store.sessions.create({ userId: user.id, now: T0, expiresAt: T0 + HOUR, ip: "10.0.0.1", userAgent: "test" });
    const second = await store.sessions.create({ userId: user.id, now: T0, expiresAt: T0 + HOUR, ip: null, userAgent: null });
    const [row] = await storedRows(store, "sessions");
    expect(row!.token_hash).not.toBe(first.token);
    const found = await store.sessions.find(first.token);
    expect(found).toMatchObject({ user: { id: user.id, email: "a@b.org" }, session: { csrfToken: first.csrfToken, expiresAt: T0 + HOUR } });
    expect(await store.sessions.find(first.token + "x")).toBeNull();
    await store.sessions.touch(found!.session.tokenHash, T0 + 5);
    expect((await store.sessions.find(first.token))?.session.lastSeenAt).toBe(T0 + 5);
    await store.sessions.delete(found!.session.tokenHash);
    expect(await store.sessions.find(first.token)).toBeNull();
    expect(await store.sessions.find(second.token)).not.toBeNull();
    expect(await store.sessions.deleteForUser(user.id)).toBe(1);
    expect(await store.sessions.find(second.token)).toBeNull();
  });

  it("lets a sign-in link be used once, before it expires", async () => {
    const user = await store.users.create(userInputSchema.parse({ email: "new@b.org", name: "New", role: "officer", layers: ["schools"] }), T0, null);
    const expired = await store.signInLinks.create(user.id, T0, T0 + HOUR);
    expect(await store.signInLinks.consume(expired, T0 + HOUR)).toBeNull();
    const link = await store.signInLinks.create(user.id, T0 + HOUR, T0 + 2 * HOUR);
    expect(await store.signInLinks.consume(link, T0 + HOUR + 1)).toBe(user.id);
    expect(await store.signInLinks.consume(link, T0 + HOUR + 2)).toBeNull();
  });

  it("finding 3: an older sign-in link dies when a newer one is issued or a password is set", async () => {
    const user = await store.users.create(userInputSchema.parse({ email: "new@b.org", name: "New", role: "officer", layers: ["schools"] }), T0, null);
    const other = await store.users.create(userInputSchema.parse({ email: "other@b.org", name: "Other", role: "admin" }), T0, null);
    const older = await store.signInLinks.create(user.id, T0, T0 + 48 * HOUR);
    const othersLink = await store.signInLinks.create(other.id, T0, T0 + 48 * HOUR);
    const newer = await store.signInLinks.create(user.id, T0 + 1, T0 + 1 + 48 * HOUR);
    expect(await store.signInLinks.consume(older, T0 + 2)).toBeNull();
    expect(await store.signInLinks.consume(newer, T0 + 3)).toBe(user.id);
    await store.users.setPassword(user.id, "$argon2id$hash", T0 + 3);

    // A link issued before a password was set, then not used, dies with the password change.
    const beforeReset = await store.signInLinks.create(user.id, T0 + 4, T0 + 4 + 48 * HOUR);
    await store.users.setPassword(user.id, "$argon2id$other", T0 + 5);
    expect(await store.signInLinks.consume(beforeReset, T0 + 6)).toBeNull();
    // Another user's link is untouched.
    expect(await store.signInLinks.consume(othersLink, T0 + 6)).toBe(other.id);
  });

  it("keeps account events newest first, filtered by who and when, and leaves them out of a layer filter", async () => {
    await store.accountEvents.record({ at: T0, kind: "sign-in failed", actor: null, ip: "10.0.0.9", subjectUserId: null, subject: "who@b.org" });
    await store.accountEvents.record({ at: T0 + 1, kind: "user disabled", actor: ann, ip: "10.0.0.1", subjectUserId: "u-bob", subject: "Bob (bob@b.org)" });
    expect((await store.accountEvents.list(query())).map((e) => e.kind)).toEqual(["user disabled", "sign-in failed"]);
    expect(await store.accountEvents.list(query({ by: "user:u-ann" }))).toEqual([
      { at: T0 + 1, kind: "user disabled", actor: ann, ip: "10.0.0.1", subjectUserId: "u-bob", subject: "Bob (bob@b.org)" },
    ]);
    expect((await store.accountEvents.list(query({ to: iso(T0 + 1) }))).map((e) => e.subject)).toEqual(["who@b.org"]);
    expect(await store.accountEvents.list(query({ layer: "schools" }))).toEqual([]);
  });

  it("keeps message templates per layer", async () => {
    await store.templates.create({ layer: "schools", name: "Snow", message: "Closed due to snow. Check back at 7am." }, "Ada", T0);
    const bins = await store.templates.create({ layer: "bins", name: "Late", message: "Running a day late." }, "Ada", T0);
    expect((await store.templates.list("schools")).map((t) => t.message)).toEqual(["Closed due to snow. Check back at 7am."]);
    expect(await store.templates.list()).toHaveLength(2);
    expect(await store.templates.delete(bins.id)).toBe(true);
    expect(await store.templates.delete(bins.id)).toBe(false);
  });

  it("stores the layers a token may change", async () => {
    const { token, record } = await store.tokens.create("gritting feed", T0, null, { layers: ["gritting"], createdBy: "Ada" });
    expect(record).toMatchObject({ layers: ["gritting"], createdBy: "Ada" });
    expect((await store.tokens.verify(token, T0))?.layers).toEqual(["gritting"]);
    const legacy = await store.tokens.create("old", T0);
    expect((await store.tokens.verify(legacy.token, T0))?.layers).toBeNull();
  });

  it("undoes a change by restoring the status from before it, as a logged change of its own", async () => {
    await store.appendChanges([{ assetId: "school-1", status: { code: "late_opening", message: "10:00", until: iso(T0 + 8 * HOUR) } }], at(ann, T0));
    const closed = await store.appendChanges([{ assetId: "school-1", status: { code: "closed", message: "Snow" } }], at(bob, T0 + 1));
    const undone = await store.undoChanges([{ seq: closed.fromSeq, expectedVersion: 2 }], at(ann, T0 + 2));
    expect(undone.changes[0]).toMatchObject({ seq: 3, kind: "undo", status: { code: "late_opening", message: "10:00", until: iso(T0 + 8 * HOUR), version: 3 } });
    expect((await store.getAsset("school-1"))?.status).toMatchObject({ code: "late_opening", version: 3 });
    // A stale version is a conflict; nothing is stored.
    await expect(store.undoChanges([{ seq: closed.fromSeq, expectedVersion: 2 }], at(ann, T0 + 3))).rejects.toBeInstanceOf(ConflictError);
    await expect(store.undoChanges([{ seq: 99, expectedVersion: 0 }], at(ann, T0 + 3))).rejects.toBeInstanceOf(NotFoundError);
    expect(await store.headSeq()).toBe(3);
  });

  it("undoes a scheduled change by clearing the upcoming status, and refuses to bring back a status that has ended", async () => {
    const scheduled = await store.appendChanges(
      [{ assetId: "school-2", status: { code: "closed", message: "", from: iso(T0 + HOUR), until: iso(T0 + 2 * HOUR) } }],
      at(ann, T0),
    );
    const undone = await store.undoChanges([{ seq: scheduled.fromSeq, expectedVersion: 1 }], at(ann, T0 + 1));
    expect(undone.changes[0]!.status).toMatchObject({ code: "open", upcoming: null, version: 2 });
    expect(await store.nextDueTime()).toBeNull();

    await store.appendChanges([{ assetId: "school-3", status: { code: "closed", message: "", until: iso(T0 + HOUR) } }], at(ann, T0));
    const reopened = await store.appendChanges([{ assetId: "school-3", status: { code: "open", message: "" } }], at(ann, T0 + 1));
    const error = await store.undoChanges([{ seq: reopened.fromSeq, expectedVersion: 2 }], at(ann, T0 + 2 * HOUR)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as Error).message).toMatch(/ended at .*set a new status instead/);
  });

  it("lists the audit trail with who, when, where and before → after, filtered and paged", async () => {
    await store.appendChanges([{ assetId: "school-1", status: { code: "closed", message: "Snow" } }], at(ann, T0));
    await store.appendChanges([{ assetId: "route-1", status: { code: "in_progress", message: "" } }], at(bob, T0 + HOUR, "10.0.0.2"));
    await store.appendChanges([{ assetId: "school-1", status: { code: "open", message: "" } }], at(bob, T0 + 2 * HOUR));
    const all = await store.audit.changes(query(), { layers: null });
    expect(all.map((c) => c.seq)).toEqual([3, 2, 1]);
    expect(all[2]).toMatchObject({
      assetId: "school-1",
      assetName: "Ashdown Primary",
      actor: ann,
      ip: "10.0.0.1",
      before: { code: "open", version: 0 },
      after: { code: "closed", message: "Snow", version: 1 },
      assetVersion: 2,
    });
    expect((await store.audit.changes(query({ by: "user:u-bob" }), { layers: null })).map((c) => c.seq)).toEqual([3, 2]);
    expect((await store.audit.changes(query({ asset: "school-1" }), { layers: null })).map((c) => c.seq)).toEqual([3, 1]);
    expect((await store.audit.changes(query({ layer: "gritting" }), { layers: null })).map((c) => c.seq)).toEqual([2]);
    expect((await store.audit.changes(query(), { layers: ["schools"] })).map((c) => c.seq)).toEqual([3, 1]);
    expect((await store.audit.changes(query({ from: iso(T0 + HOUR), to: iso(T0 + 2 * HOUR) }), { layers: null })).map((c) => c.seq)).toEqual([2]);
    expect((await store.audit.changes(query({ before: 3, limit: 1 }), { layers: null })).map((c) => c.seq)).toEqual([2]);
  });

  it("lists notice creation and ending with who and where", async () => {
    const notice = await store.notices.create({ level: "warning", text: "Roads icy" }, { actor: ann, ip: "10.0.0.1", now: T0 });
    await store.notices.end(notice.id, { actor: bob, now: T0 + HOUR, ip: "10.0.0.2" });
    const events = await store.audit.noticeEvents(query());
    expect(events.map((e) => [e.action, e.actor.name, e.ip])).toEqual([
      ["ended", "Bob Officer", "10.0.0.2"],
      ["created", "Ann Officer", "10.0.0.1"],
    ]);
    expect(await store.audit.noticeEvents(query({ by: "user:u-ann" }))).toHaveLength(1);
    expect(await store.audit.noticeEvents(query({ layer: "schools" }))).toEqual([]);
  });

  it("describes a conflict with the asset's current status and who changed it last", async () => {
    await store.appendChanges([{ assetId: "school-1", status: { code: "closed", message: "Boiler failure" } }], at(ann, T0));
    const [described] = await store.audit.describeConflicts([{ assetId: "school-1", expectedVersion: 0, currentVersion: 1, index: 0 }]);
    expect(described).toMatchObject({
      currentVersion: 1,
      current: {
        assetName: "Ashdown Primary",
        status: { code: "closed", label: "Closed", message: "Boiler failure" },
        lastChange: { seq: 1, kind: "set", at: iso(T0), by: "Ann Officer" },
      },
    });
  });
});
