import { gunzipSync } from "node:zlib";
import { request } from "node:http";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { ManualClock } from "../../lib/domain/clock";
import { startTestServer, type TestServer } from "../../test/support/test-server";
import { MAX_ENTRY_LIFETIME_MS } from "./public-cache/public-cache";

/** fetch() hides Content-Encoding; node:http shows what went over the wire. */
function rawGet(url: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    })
      .on("error", reject)
      .end();
  });
}

describe("light public reads for the live map", () => {
  let t: TestServer;
  beforeEach(async () => {
    t = await startTestServer();
  });
  afterEach(async () => t.close());

  it("lists statuses without shapes or attributes, with the seq to resume from", async () => {
    await t.post({ changes: [{ assetId: "school-2", status: { code: "closed", message: "Snow" } }] });
    const body = await (await fetch(`${t.url}/api/v1/statuses`)).json();
    expect(body.seq).toBe(1);
    expect(body.assets).toHaveLength(5);
    expect(body.assets.find((a: { id: string }) => a.id === "school-2")).toMatchObject({
      layer: "schools",
      name: "Brookfield High",
      detail: "Sale West",
      status: { code: "closed", message: "Snow", version: 1 },
    });
    expect(JSON.stringify(body)).not.toMatch(/coordinates|streets|actor|token/);
  });

  it("filters statuses by ids (starred places) and refuses bad ids with a field error", async () => {
    const body = await (await fetch(`${t.url}/api/v1/statuses?ids=round-1,school-3`)).json();
    expect(body.assets.map((a: { id: string }) => a.id).sort()).toEqual(["round-1", "school-3"]);
    const bad = await fetch(`${t.url}/api/v1/statuses?ids=${encodeURIComponent("<x>")}`);
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.fieldErrors[0].path).toMatch(/^ids/);
    const tooMany = await fetch(`${t.url}/api/v1/statuses?ids=${Array.from({ length: 201 }, (_, i) => `a${i}`).join(",")}`);
    expect(tooMany.status).toBe(400);
  });

  it("compresses statuses for clients that accept gzip", async () => {
    const res = await rawGet(`${t.url}/api/v1/statuses`, { "accept-encoding": "gzip" });
    expect(res.headers["content-encoding"]).toBe("gzip");
    expect(JSON.parse(gunzipSync(res.body).toString()).assets).toHaveLength(5);
  });

  it("serves shapes as GeoJSON with gritting priority, gzipped, with an ETag that answers 304", async () => {
    const first = await rawGet(`${t.url}/api/v1/geometry`, { "accept-encoding": "gzip" });
    expect(first.status).toBe(200);
    expect(first.headers["content-encoding"]).toBe("gzip");
    expect(first.headers["cache-control"]).toMatch(/^public, max-age=60, stale-while-revalidate=\d+$/);
    const body = JSON.parse(gunzipSync(first.body).toString());
    expect(body.type).toBe("FeatureCollection");
    expect(body.features.find((f: { id: string }) => f.id === "route-1")).toMatchObject({
      geometry: { type: "LineString" },
      properties: { layer: "gritting", priority: 1 },
    });
    const again = await rawGet(`${t.url}/api/v1/geometry`, { "if-none-match": String(first.headers.etag) });
    expect(again.status).toBe(304);
    const plain = await rawGet(`${t.url}/api/v1/geometry?layer=schools`);
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(JSON.parse(plain.body.toString()).features).toHaveLength(3);
  });

  // An import from the CLI (another process) sends no bus message; the entry's lifetime covers it.
  it("rebuilds shapes once the public cache's entry has lived its time, so a change made behind the server's back shows within seconds", async () => {
    const before = await (await fetch(`${t.url}/api/v1/geometry?layer=schools`)).json();
    await t.store.upsertAssets([{ id: "school-4", layer: "schools", name: "New School", geometry: { type: "Point", coordinates: [-2.3, 53.4] }, attributes: {} }], t.clock.now());
    expect((await (await fetch(`${t.url}/api/v1/geometry?layer=schools`)).json()).features).toHaveLength(before.features.length);
    (t.clock as ManualClock).advance(MAX_ENTRY_LIFETIME_MS + 1);
    // The first reader past the entry's lifetime gets it once more while one fill makes it again.
    await fetch(`${t.url}/api/v1/geometry?layer=schools`);
    await t.server.publicCache!.settled();
    expect((await (await fetch(`${t.url}/api/v1/geometry?layer=schools`)).json()).features).toHaveLength(before.features.length + 1);
  });
});
