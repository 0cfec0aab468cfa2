import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ValidationError } from "../../lib/domain/errors";
import type { Store } from "../../lib/store/store";
import { sqliteFactory } from "../../test/support/stores";
import { noticeAdd, noticeEnd, noticeList } from "./notice-commands";

const NOW = Date.parse("2026-12-01T06:00:00Z");
const actor = { type: "user" as const, id: "cli:officer", name: "officer (command line)" };

describe("npx snowline notice", () => {
  let store: Store;
  let dispose: () => Promise<void>;
  beforeEach(async () => ({ store, dispose } = await sqliteFactory.open()));
  afterEach(() => dispose());

  it("adds a notice the public sees, with its audit author kept private", async () => {
    const [line, id] = await noticeAdd(store, { level: "severe", text: "Schools update at 7am", until: "2026-12-01T12:00:00Z" }, { now: NOW, actor });
    expect(line).toBe("Created severe notice (until 2026-12-01T12:00:00.000Z).");
    const [notice] = await store.publicNotices(NOW);
    expect(notice).toEqual({ id, level: "severe", text: "Schools update at 7am", from: null, until: "2026-12-01T12:00:00.000Z", createdAt: new Date(NOW).toISOString() });
    expect((await store.notices.list())[0]!.createdBy).toBe("officer (command line)");
    expect((await noticeList(store, NOW))[0]).toContain("showing   severe   Schools update at 7am");
  });

  it("refuses a bad level or window with field errors and stores nothing", async () => {
    await expect(noticeAdd(store, { level: "loud", text: "x" }, { now: NOW, actor })).rejects.toBeInstanceOf(ValidationError);
    await expect(
      noticeAdd(store, { level: "info", text: "x", from: "2026-12-02T00:00:00Z", until: "2026-12-01T00:00:00Z" }, { now: NOW, actor }),
    ).rejects.toMatchObject({ fieldErrors: [{ path: "until", message: "Until must be after from" }] });
    await expect(noticeAdd(store, { level: "info", text: "   " }, { now: NOW, actor })).rejects.toMatchObject({ fieldErrors: [{ path: "text" }] });
    expect(await store.notices.list()).toEqual([]);
  });

  it("ends a notice so the public no longer sees it", async () => {
    const [, id] = await noticeAdd(store, { level: "info", text: "Gritters out" }, { now: NOW, actor });
    expect(await noticeEnd(store, id!, { now: NOW + 1000, actor })).toEqual([`Ended notice ${id}.`]);
    expect(await store.publicNotices(NOW + 2000)).toEqual([]);
    expect((await noticeList(store, NOW + 2000))[0]).toContain("ended");
  });
});
