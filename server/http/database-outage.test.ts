import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ManualClock } from "../../lib/domain/clock";
import { withLastKnown } from "../../lib/last-known-read-model";
import { openPostgresStore } from "../../lib/store/postgres-store";
import type { StoreFactory } from "../../test/support/stores";
import { startTestServer, type TestServer } from "../../test/support/test-server";
import { canStartThrowawayPostgres, startThrowawayPostgres, type ThrowawayPostgres } from "../../test/support/throwaway-postgres";
import { STALE_SECONDS_HEADER } from "./last-snapshot";

const closeSchool = { changes: [{ assetId: "school-1", status: { code: "closed", message: "Snow" } }] };
const reopenSchool = { changes: [{ assetId: "school-1", status: { code: "open" } }] };
// Public reads that residents' pages, the map and re-users make.
const PUBLIC_READS = ["/api/v1/assets", "/api/v1/assets/school-1", "/api/v1/statuses", "/api/v1/geometry", "/api/v1/changes?since=0", "/feeds/changes.atom", "/api/v1/assets.csv"];

describe.skipIf(!canStartThrowawayPostgres())("database outage (own PostgreSQL, stopped and started again)", () => {
  let pg: ThrowawayPostgres;
  let t: TestServer;

  beforeAll(async () => {
    pg = await startThrowawayPostgres();
    const factory: StoreFactory = {
      name: "postgres",
      async open() {
        const store = await openPostgresStore({ url: pg.url, maxConnections: 4 });
        return { store, dispose: () => store.close() };
      },
    };
    t = await startTestServer({ storeFactory: factory });
  }, 60_000);
  afterAll(async () => {
    await t?.close();
    await pg?.dispose();
  });

  const post = (body: unknown, key: string) =>
    fetch(`${t.url}/api/v1/changes`, {
      method: "POST",
      headers: { authorization: `Bearer ${t.token}`, "content-type": "application/json", "idempotency-key": key },
      body: JSON.stringify(body),
    });

  it("answers writes 503 with Retry-After and stores nothing, serves public reads from the last snapshot marked stale, and recovers without a restart", async () => {
    expect((await post(closeSchool, "before")).status).toBe(201);
    const before = new Map<string, string>();
    for (const path of PUBLIC_READS) {
      const res = await fetch(`${t.url}${path}`);
      expect(res.status, path).toBe(200);
      expect(res.headers.get(STALE_SECONDS_HEADER), path).toBeNull();
      before.set(path, await res.text());
    }

    await pg.stop();
    // Long past the public cache's entries' lifetime: these reads reach the routers.
    (t.clock as ManualClock).advance(90_000);

    const refused = await post(reopenSchool, "during");
    expect(refused.status).toBe(503);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await refused.json()).error.message).toMatch(/cannot reach its database/);

    // Entries in the public cache may answer once more; the refill each starts finds the database
    // away and gives the entry up, so from then on readers get the routers' stale snapshot.
    for (const path of PUBLIC_READS) expect(await (await fetch(`${t.url}${path}`)).text(), path).toBe(before.get(path));
    await t.server.publicCache!.settled();
    for (const path of PUBLIC_READS) {
      const res = await fetch(`${t.url}${path}`);
      expect(res.status, path).toBe(200);
      expect(Number(res.headers.get(STALE_SECONDS_HEADER)), path).toBeGreaterThanOrEqual(90);
      expect(await res.text(), path).toBe(before.get(path));
    }
    const neverRead = await fetch(`${t.url}/api/v1/assets?layer=bins`);
    expect(neverRead.status).toBe(503);
    expect(neverRead.headers.get("retry-after")).not.toBeNull();

    await pg.start();
    const retried = await post(reopenSchool, "during");
    expect(retried.status).toBe(201);
    expect((await retried.json()).seq).toBe(2);
    expect(await t.store.headSeq()).toBe(2);
    const fresh = await fetch(`${t.url}/api/v1/assets/school-1`);
    expect(fresh.status).toBe(200);
    expect(fresh.headers.get(STALE_SECONDS_HEADER)).toBeNull();
    expect((await fresh.json()).properties.status.code).toBe("open");
  }, 60_000);

  it("pages read the last known data during an outage, told since when, and fresh data again after it", async () => {
    const pages = withLastKnown(t.store, () => t.clock.now());
    const seq = await pages.headSeq();
    const rows = await pages.listAssetSummaries();
    const asset = await pages.getAsset("school-1");
    await pages.publicNotices(t.clock.now());
    expect(pages.outageSince()).toBeNull();

    await pg.stop();
    const stoppedAt = t.clock.now();
    expect(await pages.headSeq()).toBe(seq);
    (t.clock as ManualClock).advance(60_000);
    expect(await pages.listAssetSummaries()).toEqual(rows);
    expect(await pages.getAsset("school-1")).toEqual(asset);
    expect(await pages.publicNotices(t.clock.now())).toEqual([]);
    expect(pages.outageSince()).toBe(stoppedAt);
    await expect(pages.getAsset("school-2")).rejects.toThrow();

    await pg.start();
    expect(await pages.headSeq()).toBe(seq);
    expect(pages.outageSince()).toBeNull();
  }, 60_000);
});
