import { DOMParser } from "@xmldom/xmldom";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { refusalFor } from "../../../lib/domain/access";
import { postImport } from "../../../test/support/admin-api";
import { addUser, signIn } from "../../../test/support/console-client";
import { startTestServer, type TestServer } from "../../../test/support/test-server";
import { describeEachStore } from "../../../test/support/stores";

const exportUrl = (t: TestServer, query: Record<string, string>) => `${t.url}/api/v1/admin/exports?${new URLSearchParams(query)}`;
const getExport = async (t: TestServer, query: Record<string, string>) => fetch(exportUrl(t, query), { headers: await t.adminHeaders() });

const SCHOOLS_CSV = "URN,name,lat,lon,phase\n900001,Ashdown Primary,53.42,-2.32,Primary\n900002,Brookfield High,53.43,-2.31,Secondary\n";

describeEachStore("admin import and export API", (factory) => {
  let t: TestServer;
  beforeEach(async () => (t = await startTestServer({ storeFactory: factory })));
  afterEach(async () => t.close());

  it("dry-runs an uploaded CSV by default, storing nothing, and applies it with dryRun=false", async () => {
    const before = await t.store.countAssets();
    const dry = await postImport(t, { layer: "schools" }, [{ name: "schools.csv", data: SCHOOLS_CSV }]);
    expect(dry.status).toBe(200);
    expect(await dry.json()).toMatchObject({
      dryRun: true,
      applied: false,
      format: "csv",
      counts: { read: 2, add: 2, rejected: 0 },
      assets: [
        { id: "urn-900001", name: "Ashdown Primary", action: "add", rows: [2] },
        { id: "urn-900002", name: "Brookfield High", action: "add", rows: [3] },
      ],
    });
    expect(await t.store.countAssets()).toBe(before);

    const applied = await postImport(t, { layer: "schools", dryRun: "false" }, [{ name: "schools.csv", data: SCHOOLS_CSV }]);
    expect(await applied.json()).toMatchObject({ applied: true, counts: { add: 2 } });
    expect(await t.store.getAsset("urn-900002")).toMatchObject({ name: "Brookfield High", attributes: { URN: 900002, phase: "Secondary" }, status: { code: "open" } });
  });

  it("takes the file as the raw body, with the format from the query or the Content-Type", async () => {
    const geojson = JSON.stringify({
      type: "FeatureCollection",
      features: [{ type: "Feature", properties: { ROUTEID: "7" }, geometry: { type: "LineString", coordinates: [[-2.3, 53.4], [-2.2, 53.5]] } }],
    });
    const byType = await postImport(t, { layer: "gritting" }, { raw: geojson, contentType: "application/geo+json" });
    expect(await byType.json()).toMatchObject({ format: "geojson", assets: [{ id: "routeid-7", name: "Gritting route 7" }] });
    const byQuery = await postImport(t, { layer: "schools", format: "csv" }, { raw: SCHOOLS_CSV, contentType: "application/octet-stream" });
    expect(await byQuery.json()).toMatchObject({ format: "csv", counts: { add: 2 } });
    const unknown = await postImport(t, { layer: "schools" }, { raw: SCHOOLS_CSV, contentType: "application/octet-stream" });
    expect(unknown.status).toBe(400);
    expect((await unknown.json()).error.fieldErrors[0]).toMatchObject({ path: "format" });
  });

  it("refuses a malformed file with 400 and a clear message, storing nothing", async () => {
    const before = await t.store.listAssets();
    const res = await postImport(t, { layer: "gritting", dryRun: "false" }, [{ name: "routes.kml", data: "<kml><Document><Placemark></kml>" }]);
    expect(res.status).toBe(400);
    const { error } = await res.json();
    expect(error.message).toMatch(/^The KML file is not well-formed XML/);
    expect(error.fieldErrors).toEqual([{ path: "file", message: error.message }]);
    expect(await t.store.listAssets()).toEqual(before);
  });

  it("answers 422 with the per-row report when no row can be imported, or any in strict mode, storing nothing", async () => {
    const before = await t.store.countAssets();
    const allBad = await postImport(t, { layer: "schools", dryRun: "false" }, [{ name: "s.csv", data: "URN,name,lat,lon\n1,A,north,-2.3\n2,B,53.4,\n" }]);
    expect(allBad.status).toBe(422);
    const { error } = await allBad.json();
    expect(error.fieldErrors).toEqual([
      { path: "rows.2.lat", message: 'lat is not a number: "north"' },
      { path: "rows.3.lon", message: "lon is empty" },
    ]);
    expect(error.report).toMatchObject({ applied: false, counts: { read: 2, assets: 0, rejected: 2 } });

    const oneBad = `${SCHOOLS_CSV}900003,Cedar Lane,53.44,west,Infant\n`;
    const strict = await postImport(t, { layer: "schools", dryRun: "false", strict: "true" }, [{ name: "s.csv", data: oneBad }]);
    expect(strict.status).toBe(422);
    expect((await strict.json()).error.fieldErrors).toEqual([{ path: "rows.4.lon", message: 'lon is not a number: "west"' }]);
    expect(await t.store.countAssets()).toBe(before);
  });

  it.each([
    [{ layer: "roads" }, "layer"],
    [{ layer: "schools", dryRun: "maybe" }, "dryRun"],
    [{ layer: "schools", crs: "British" }, "crs"],
    [{ layer: "schools", sneaky: "1" }, "(root)"],
  ])("refuses bad options %j with a field error", async (query, path) => {
    const res = await postImport(t, query, [{ name: "s.csv", data: SCHOOLS_CSV }]);
    expect(res.status).toBe(400);
    expect((await res.json()).error.fieldErrors.map((f: { path: string }) => f.path)).toContain(path);
  });

  it("refuses a body over 20 MB with 413", async () => {
    const res = await postImport(t, { layer: "schools", format: "csv" }, { raw: new Uint8Array(21 * 1024 * 1024), contentType: "text/csv" });
    expect(res.status).toBe(413);
    expect((await res.json()).error.message).toMatch(/20 MB/);
  });

  it("needs a signed-in admin for imports and exports: 401 signed out or with an API token, 403 for an officer", async () => {
    const before = await t.store.countAssets();
    for (const headers of [{}, { authorization: `Bearer ${t.token}` }] as Record<string, string>[]) {
      expect((await postImport(t, { layer: "schools", dryRun: "false" }, [{ name: "s.csv", data: SCHOOLS_CSV }], headers)).status).toBe(401);
      expect((await fetch(exportUrl(t, { layer: "schools", format: "csv" }), { headers })).status).toBe(401);
    }
    await addUser(t, { email: "officer@test.invalid", name: "Olive Officer", role: "officer", layers: ["schools"] });
    const officer = await signIn(t, "officer@test.invalid");
    const officerHeaders = { cookie: officer.cookie, "x-csrf-token": officer.csrfToken };
    const refused = await postImport(t, { layer: "schools", dryRun: "false" }, [{ name: "s.csv", data: SCHOOLS_CSV }], officerHeaders);
    expect(refused.status).toBe(403);
    expect((await fetch(exportUrl(t, { layer: "schools", format: "csv" }), { headers: officerHeaders })).status).toBe(403);
    const admin = await t.adminHeaders();
    const noCsrf = await postImport(t, { layer: "schools", dryRun: "false" }, [{ name: "s.csv", data: SCHOOLS_CSV }], { cookie: admin.cookie! });
    expect(noCsrf.status).toBe(403);
    expect(await t.store.countAssets()).toBe(before);
  });

  it("exports a layer with current statuses as GeoJSON, CSV and KML, keeping officer text exact and inert", async () => {
    const message = `<script>alert("x")</script> & ]]> 'quotes' — ❄`;
    expect((await t.post({ changes: [{ assetId: "school-1", status: { code: "closed", message } }] })).status).toBe(201);

    const geo = await getExport(t, { layer: "schools", format: "geojson" });
    expect(geo.headers.get("content-type")).toMatch(/^application\/geo\+json/);
    expect(geo.headers.get("content-disposition")).toBe('attachment; filename="snowline-schools.geojson"');
    const collection = await geo.json();
    expect(collection.features).toHaveLength(3);
    expect(collection.features[0]).toMatchObject({
      id: "school-1",
      geometry: { type: "Point", coordinates: [-2.32, 53.42] },
      properties: { id: "school-1", name: "Ashdown Primary", status: "closed", status_label: "Closed", status_message: message, ward: "Sale West" },
    });

    const csv = await (await getExport(t, { layer: "schools", format: "csv" })).text();
    expect(csv.split("\n")[0]).toBe(
      "id,name,status,status_label,status_category,status_message,status_from,status_until,status_set_at,status_version,upcoming_status,upcoming_from,upcoming_until,upcoming_message,ward,lat,lon",
    );
    expect(csv).toContain(`school-1,Ashdown Primary,closed,Closed,closed,"<script>alert(""x"")</script> & ]]> 'quotes' — ❄"`);

    const kml = await getExport(t, { layer: "gritting", format: "kml" });
    expect(kml.headers.get("content-type")).toMatch(/^application\/vnd\.google-earth\.kml\+xml/);
    expect((await (await getExport(t, { layer: "schools", format: "kml" })).text())).not.toContain("<script>");
    const document = new DOMParser().parseFromString(await (await getExport(t, { layer: "schools", format: "kml" })).text(), "text/xml");
    const placemark = Array.from(document.getElementsByTagName("Placemark")).find((p) => p.getAttribute("id") === "school-1")!;
    const data = Array.from(placemark.getElementsByTagName("Data")).find((d) => d.getAttribute("name") === "status_message")!;
    expect(data.getElementsByTagName("value")[0]!.textContent).toBe(message);
    expect(placemark.getElementsByTagName("name")[0]!.textContent).toBe("Ashdown Primary");
  });

  it("guards spreadsheet formulas in CSV exports and takes the guard off on import", async () => {
    await t.store.upsertAssets([{ id: "school-9", layer: "schools", name: "=HYPERLINK(\"x\")", geometry: { type: "Point", coordinates: [-2.3, 53.4] }, attributes: { phone: "+44 161 912 2000" } }], 0);
    const csv = await (await getExport(t, { layer: "schools", format: "csv" })).text();
    expect(csv).toContain(`school-9,"'=HYPERLINK(""x"")"`);
    expect(csv).toContain("'+44 161 912 2000");
    const back = await postImport(t, { layer: "schools", format: "csv" }, { raw: csv, contentType: "text/csv" });
    expect((await back.json()).assets.find((a: { id: string }) => a.id === "school-9")).toMatchObject({ name: '=HYPERLINK("x")', action: "unchanged" });
  });

  it("refuses bad export options", async () => {
    const res = await getExport(t, { layer: "schools", format: "xlsx" });
    expect(res.status).toBe(400);
    expect((await res.json()).error.fieldErrors[0].path).toBe("format");
    expect((await getExport(t, { layer: "gritting", format: "csv", csvGeometry: "latlon" })).status).toBe(400);
  });
});

describe("the importAssets permission", () => {
  it("refuses a signed-in site editor with 403 and the permission's refusal, storing nothing", async () => {
    const t = await startTestServer();
    try {
      await addUser(t, { email: "head@test.invalid", name: "Head Teacher", role: "site", assets: ["school-1"] });
      const head = await signIn(t, "head@test.invalid");
      const headers = { cookie: head.cookie, "x-csrf-token": head.csrfToken };
      const res = await postImport(t, { layer: "schools", dryRun: "false" }, [{ name: "s.csv", data: SCHOOLS_CSV }], headers);
      expect(res.status).toBe(403);
      expect((await res.json()).error.message).toBe(refusalFor("importAssets", { officersMayPostNotices: false }));
      expect((await fetch(exportUrl(t, { layer: "schools", format: "csv" }), { headers })).status).toBe(403);
      expect(await t.store.getAsset("urn-900001")).toBeNull();
    } finally {
      await t.close();
    }
  });
});
