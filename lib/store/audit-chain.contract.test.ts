import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { auditQuerySchema } from "../audit/audit-query";
import type { ChangeInput } from "../domain/status";
import { describeEachStore } from "../../test/support/stores";
import { sampleAssets, T0, TEST_ACTOR } from "../../test/support/fixtures";
import { openSqliteStore } from "./sqlite-store";
import type { Store } from "./store";
import { deleteChange, storedRows, tamperWithChange } from "./testing";

const at = (now: number) => ({ actor: TEST_ACTOR, ip: "127.0.0.1", now });
const set = (assetId: string, code: string): ChangeInput => ({ assetId, status: { code, message: "" } });
const everything = { layers: null };

// Finding 13: the audit log showed assets by their current name, and nothing made tampering evident.
describeEachStore("tamper-evident audit log", (factory) => {
  let store: Store;
  let dispose: () => Promise<void>;
  beforeEach(async () => {
    ({ store, dispose } = await factory.open());
    await store.upsertAssets(sampleAssets(), T0);
    await store.appendChanges([set("school-1", "closed"), set("school-2", "closed")], at(T0));
    await store.appendChanges([set("school-1", "open")], at(T0 + 1000));
    await store.appendChanges([set("school-3", "closed")], at(T0 + 2000));
  });
  afterEach(async () => dispose());

  it("shows each change with the asset's name at that moment, after a rename", async () => {
    const renamed = sampleAssets().map((a) => (a.id === "school-1" ? { ...a, name: "Renamed Academy" } : a));
    await store.upsertAssets(renamed, T0 + 3000);
    await store.appendChanges([set("school-1", "closed")], at(T0 + 4000));
    const changes = await store.audit.changes(auditQuerySchema.parse({ asset: "school-1" }), everything);
    expect(changes.map((c) => [c.seq, c.assetName])).toEqual([
      [5, "Renamed Academy"],
      [3, "Ashdown Primary"],
      [1, "Ashdown Primary"],
    ]);
    expect((await store.audit.verifyChain()).firstBroken).toBeNull();
  });

  it("links every entry to the one before, so the chain verifies from the first to the head", async () => {
    const rows = await storedRows(store, "changes");
    const bySeq = [...rows].sort((a, b) => Number(a.seq) - Number(b.seq));
    for (let i = 1; i < bySeq.length; i += 1) expect(bySeq[i]!.prev_hash).toBe(bySeq[i - 1]!.hash);
    expect(await store.audit.verifyChain()).toEqual({ checked: 4, headSeq: 4, firstBroken: null });
  });

  it("names the first entry edited behind the application's back", async () => {
    await tamperWithChange(store, 2, "Someone else");
    const report = await store.audit.verifyChain();
    expect(report.firstBroken).toMatchObject({ seq: 2 });
    expect(report.firstBroken!.reason).toMatch(/edited/);
    expect(report.checked).toBe(1);
  });

  it("names the entry after one deleted behind the application's back, and a deleted head", async () => {
    await deleteChange(store, 3);
    expect((await store.audit.verifyChain()).firstBroken).toMatchObject({ seq: 4 });
    await deleteChange(store, 4);
    await deleteChange(store, 2);
    expect((await store.audit.verifyChain()).firstBroken).toMatchObject({ seq: 2 });
  });

  it("keeps the chain linear when writers race under the seq lock", async () => {
    await Promise.all(Array.from({ length: 20 }, (_, i) => store.appendChanges([set(`school-${(i % 3) + 1}`, i % 2 ? "closed" : "open")], at(T0 + 10_000 + i))));
    expect(await store.audit.verifyChain()).toMatchObject({ checked: 24, headSeq: 24, firstBroken: null });
  });
});

describe("npx snowline audit verify", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "snowline-audit-"));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const verify = () =>
    spawnSync(process.execPath, ["bin/snowline.mjs", "audit", "verify"], { env: { ...process.env, SNOWLINE_DATA_DIR: dir, DATABASE_URL: "" }, encoding: "utf8" });

  it("says the log is intact, then names the first tampered entry and exits 1", async () => {
    const store = await openSqliteStore(dir);
    await store.upsertAssets(sampleAssets(), T0);
    await store.appendChanges([set("school-1", "closed")], at(T0));
    await store.appendChanges([set("school-2", "closed")], at(T0 + 1000));
    await store.appendChanges([set("school-3", "closed")], at(T0 + 2000));
    try {
      const intact = verify();
      expect(intact.stdout).toContain("The audit log is intact: 3 changes checked");
      expect(intact.status).toBe(0);
      await tamperWithChange(store, 2, "Someone else");
    } finally {
      await store.close();
    }
    const broken = verify();
    expect(broken.stderr).toContain("change 2 is the first broken entry");
    expect(broken.status).toBe(1);
    // Two CLI processes (tsx compiles the CLI on start): slow on a busy machine.
  }, 240_000);
});
