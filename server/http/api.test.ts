import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../../test/support/test-server";

const close = (assetId: string, extra: Record<string, unknown> = {}) => ({ assetId, status: { code: "closed", message: "Snow", ...extra } });

describe("HTTP API", () => {
  let t: TestServer;
  beforeEach(async () => {
    t = await startTestServer();
  });
  afterEach(async () => t.close());

  async function expectNothingStored() {
    expect(await t.store.headSeq()).toBe(0);
    expect((await t.store.getAsset("school-1"))?.status.code).toBe("open");
  }

  it("lists assets as GeoJSON with their public status and the current seq", async () => {
    const res = await fetch(`${t.url}/api/v1/assets?layer=schools`);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ type: "FeatureCollection", seq: 0 });
    expect(body.features).toHaveLength(3);
    expect(body.features[0]).toMatchObject({
      type: "Feature",
      id: "school-1",
      geometry: { type: "Point" },
      properties: { layer: "schools", name: "Ashdown Primary", status: { code: "open", category: "ok", version: 0 } },
    });
    expect(JSON.stringify(body)).not.toMatch(/actor|token|ip/i);
  });

  it("refuses an unknown layer with a field error", async () => {
    const res = await fetch(`${t.url}/api/v1/assets?layer=roads`);
    expect(res.status).toBe(400);
    const { error } = await res.json();
    expect(error.fieldErrors[0].path).toBe("layer");
  });

  it("posts a change with a token and returns it as the exact text; the public API shows it", async () => {
    const message = `<script>alert("x")</script> & 'quotes' — ünïcode ❄`;
    const res = await t.post({ changes: [close("school-1", { message }), { assetId: "route-1", status: { code: "completed" } }] });
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body.seq).toBe(2);
    expect(body.changes.map((c: { seq: number }) => c.seq)).toEqual([1, 2]);
    expect(body.changes[0].status.message).toBe(message);

    const one = await (await fetch(`${t.url}/api/v1/assets/school-1`)).json();
    expect(one.properties.status).toMatchObject({ code: "closed", message, version: 1 });
    expect(one.history).toHaveLength(1);
    expect(JSON.stringify(one.history)).not.toContain("test");

    const page = await (await fetch(`${t.url}/api/v1/changes?since=1&limit=10`)).json();
    expect(page).toMatchObject({ seq: 2, hasMore: false });
    expect(page.changes.map((c: { assetId: string }) => c.assetId)).toEqual(["route-1"]);
    const first = await (await fetch(`${t.url}/api/v1/changes?since=0&limit=1`)).json();
    expect(first).toMatchObject({ seq: 2, hasMore: true });
  });

  it("returns 404 for an unknown asset id", async () => {
    const res = await fetch(`${t.url}/api/v1/assets/nope`);
    expect(res.status).toBe(404);
    expect((await res.json()).error.message).toContain("nope");
  });

  it("needs a valid bearer token to post", async () => {
    expect((await t.post({ changes: [close("school-1")] }, { token: null })).status).toBe(401);
    const bad = await t.post({ changes: [close("school-1")] }, { token: "snl_wrong" });
    expect(bad.status).toBe(401);
    expect((await bad.json()).error.message).toMatch(/token/i);
    await expectNothingStored();
  });

  it.each([
    ["malformed JSON", '{"changes": [', 400, /not valid JSON/],
    ["a body that is not an object", "[1,2]", 400, /invalid/i],
    ["wrong types", { changes: [{ assetId: 42, status: { code: true } }] }, 400, /invalid/i],
    ["an empty batch", { changes: [] }, 400, /invalid/i],
    ["unknown fields", { changes: [close("school-1")], sneaky: true }, 400, /invalid/i],
    ["a message over 500 characters", { changes: [close("school-1", { message: "x".repeat(501) })] }, 400, /invalid/i],
    ["until before from", { changes: [close("school-1", { from: "2026-12-01T09:00:00Z", until: "2026-12-01T08:00:00Z" })] }, 400, /invalid/i],
    ["a time that is not ISO 8601", { changes: [close("school-1", { until: "tomorrow" })] }, 400, /invalid/i],
    ["a code from another layer", { changes: [close("school-1"), { assetId: "route-1", status: { code: "closed" } }] }, 400, /invalid/i],
    ["an unknown asset", { changes: [close("school-1"), close("no-such-school")] }, 404, /no-such-school/],
  ])("refuses %s and stores nothing", async (_name, body, status, message) => {
    const res = await t.post(body);
    expect(res.status).toBe(status);
    const { error } = await res.json();
    expect(error.status).toBe(status);
    expect(error.message).toMatch(message);
    await expectNothingStored();
  });

  it("names the offending fields", async () => {
    const res = await t.post({
      changes: [close("school-1"), { assetId: "school-2", status: { code: "closed", message: "x".repeat(501), until: "soon" } }],
    });
    const { error } = await res.json();
    expect(error.fieldErrors.map((f: { path: string }) => f.path).sort()).toEqual(["changes.1.status.message", "changes.1.status.until"]);
  });

  it("refuses a body over 1 MB with 413", async () => {
    const res = await t.post({ changes: [close("school-1", { message: "x".repeat(1024 * 1024) })] });
    expect(res.status).toBe(413);
    expect((await res.json()).error.message).toMatch(/1 MB/);
    await expectNothingStored();
  });

  it("refuses a body that is not JSON with 415", async () => {
    const res = await t.post("changes=1", { contentType: "application/x-www-form-urlencoded" });
    expect(res.status).toBe(415);
    await expectNothingStored();
  });

  it("returns 409 for a stale expectedVersion and stores nothing", async () => {
    expect((await t.post({ changes: [{ ...close("school-1"), expectedVersion: 0 }] })).status).toBe(201);
    const res = await t.post({ changes: [{ ...close("school-2"), expectedVersion: 0 }, { assetId: "school-1", status: { code: "open" }, expectedVersion: 0 }] });
    expect(res.status).toBe(409);
    const { error } = await res.json();
    expect(error.conflicts).toEqual([
      {
        assetId: "school-1",
        expectedVersion: 0,
        currentVersion: 1,
        index: 1,
        // The caller is authenticated, so it may see who made the change it had not seen.
        current: {
          assetName: "Ashdown Primary",
          status: { code: "closed", label: "Closed", message: "Snow", from: null, until: null, upcoming: null },
          lastChange: { seq: 1, kind: "set", at: "2026-12-01T05:30:00.000Z", by: "test" },
        },
      },
    ]);
    expect(await t.store.headSeq()).toBe(1);
    expect((await t.store.getAsset("school-2"))?.status.code).toBe("open");
  });

  it("keeps seq gapless across 20 parallel POSTs", async () => {
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        t.post({ changes: ["school-1", "school-2", "school-3"].map((id) => close(id, { message: `batch ${i}` })) }),
      ),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(20).fill(201));
    const bodies = await Promise.all(responses.map((r) => r.json()));
    const seqs = bodies.flatMap((b) => b.changes.map((c: { seq: number }) => c.seq)).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
    const page = await (await fetch(`${t.url}/api/v1/changes?since=0&limit=1000`)).json();
    expect(page.changes.map((c: { seq: number }) => c.seq)).toEqual(seqs);
  });

  it("refuses bad paging parameters", async () => {
    expect((await fetch(`${t.url}/api/v1/changes?since=-1`)).status).toBe(400);
    expect((await fetch(`${t.url}/api/v1/changes?limit=abc`)).status).toBe(400);
    expect((await fetch(`${t.url}/api/v1/changes?limit=5000`)).status).toBe(400);
  });

  it("serves an OpenAPI document generated from the schemas", async () => {
    const doc = await (await fetch(`${t.url}/api/v1/openapi.json`)).json();
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(["/assets", "/assets/{id}", "/notices", "/changes", "/statuses", "/geometry"]));
    const input = doc.components.schemas.ChangeBatchInput;
    expect(input.properties.changes.maxItems).toBe(2000);
    expect(input.properties.changes.items.properties.status.properties.message.maxLength).toBe(500);
  });

  it("answers health and readiness checks", async () => {
    expect(await (await fetch(`${t.url}/healthz`)).json()).toEqual({ status: "ok" });
    const ready = await fetch(`${t.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: "ready", database: "ok", bus: "ok", realtime: { connections: 0, invalidEvents: 0 } });
  });

  it("reports not ready when the database is gone", async () => {
    await t.store.close();
    const ready = await fetch(`${t.url}/readyz`);
    expect(ready.status).toBe(503);
    expect((await ready.json()).database).toBe("unreachable");
  });
});
