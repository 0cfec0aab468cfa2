import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { postImport } from "../support/admin-api";
import { expectRoundTrip, exported, upload } from "../support/import-round-trip";
import { routesBritishNationalGridGeoJson, routesKml, schoolsGeoJson, schoolsWithPhaseCsv, streetsShapefile, wardsGeoJson } from "../support/small-council-files";
import { startTestServer, type TestServer } from "../support/test-server";

describe("a small council's files through the admin API, and exports that import back unchanged", () => {
  let t: TestServer;
  beforeEach(async () => (t = await startTestServer({ seed: false })));
  afterEach(async () => t.close());

  it("imports a shapefile uploaded as its .shp, .dbf and .prj", async () => {
    const parts = streetsShapefile();
    const res = await postImport(t, { layer: "gritting", dryRun: "false" }, [
      { name: "Streets.shp", data: parts.shp },
      { name: "Streets.dbf", data: parts.dbf! },
      { name: "Streets.prj", data: parts.prj! },
    ]);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ format: "shapefile", applied: true, counts: { read: 3, add: 2 } });
    expect(await t.store.countAssets()).toBe(2);
  });

  it("refuses a shapefile without its .prj, since its eastings and northings would otherwise be guessed", async () => {
    const parts = streetsShapefile();
    const res = await postImport(t, { layer: "gritting", dryRun: "false" }, [{ name: "s.shp", data: parts.shp }, { name: "s.dbf", data: parts.dbf! }]);
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toMatch(/look like British National Grid.*crs=EPSG:27700/);
    expect(await t.store.countAssets()).toBe(0);
  });

  it("round-trips every layer through GeoJSON, statuses included", async () => {
    await upload(t, "schools", "schools.geojson", schoolsGeoJson());
    await upload(t, "gritting", "routes.json", routesBritishNationalGridGeoJson());
    await upload(t, "bins", "wards.geojson", wardsGeoJson(), { nameField: "area_name" });
    const closures = [{ assetId: "urn-900101", status: { code: "closed", message: "Snow, \"see\" <site>" } }, { assetId: "routeid-2", status: { code: "in_progress" } }];
    expect((await t.post({ changes: closures })).status).toBe(201);

    const geojson = JSON.parse(await exported(t, "gritting", "geojson"));
    expect(geojson.features.find((f: { id: string }) => f.id === "routeid-2").properties).toMatchObject({ status: "in_progress", status_label: "Gritting in progress" });
    await expectRoundTrip(t, "schools", "geojson", 4);
    await expectRoundTrip(t, "gritting", "geojson", 2);
    await expectRoundTrip(t, "bins", "geojson", 2);
  });

  it("round-trips data that came from text formats through CSV and KML", async () => {
    await upload(t, "schools", "schools.csv", schoolsWithPhaseCsv());
    await upload(t, "gritting", "routes.kml", routesKml());
    expect((await t.post({ changes: [{ assetId: "urn-900101", status: { code: "late_opening", message: "Opening at 10:00" } }] })).status).toBe(201);

    expect((await exported(t, "schools", "csv")).split("\n")[0]).toMatch(/,lat,lon$/);
    expect((await exported(t, "gritting", "csv")).split("\n")[0]).toMatch(/,wkt$/);
    await expectRoundTrip(t, "schools", "csv", 4);
    await expectRoundTrip(t, "schools", "kml", 4);
    await expectRoundTrip(t, "gritting", "csv", 2);
    await expectRoundTrip(t, "gritting", "kml", 2);
  });
});
