import { afterEach, beforeEach, expect, it } from "vitest";
import type { Layer } from "../../lib/domain/layers";
import { postImport } from "../support/admin-api";
import * as roundTrip from "../support/import-round-trip";
import { manchesterShapefile, readReal, REAL_FILES, describeWithRealData } from "../support/real-data";
import { startTestServer, type TestServer } from "../support/test-server";

describeWithRealData("the real council files through the admin API, and exports that import back unchanged", () => {
  let t: TestServer;
  beforeEach(async () => (t = await startTestServer({ seed: false })));
  afterEach(async () => t.close());

  const upload = (layer: Layer, name: string, data: Uint8Array | string, query: Record<string, string> = {}) => roundTrip.upload(t, layer, name, data, query);
  const exported = (layer: Layer, format: string) => roundTrip.exported(t, layer, format);
  const expectRoundTrip = (layer: Layer, format: "geojson" | "csv" | "kml", count: number) => roundTrip.expectRoundTrip(t, layer, format, count);

  it("imports Manchester's shapefile uploaded as its .shp, .dbf and .prj", async () => {
    const parts = manchesterShapefile();
    const res = await postImport(t, { layer: "gritting", dryRun: "false" }, [
      { name: "Carriageway.shp", data: parts.shp },
      { name: "Carriageway.dbf", data: parts.dbf! },
      { name: "Carriageway.prj", data: parts.prj! },
    ]);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ format: "shapefile", applied: true, counts: { read: 7942, add: 911 } });
    expect(await t.store.countAssets()).toBe(911);
  });

  it("refuses a shapefile without its .prj, since its eastings and northings would otherwise be guessed", async () => {
    const parts = manchesterShapefile();
    const res = await postImport(t, { layer: "gritting", dryRun: "false" }, [{ name: "c.shp", data: parts.shp }, { name: "c.dbf", data: parts.dbf! }]);
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toMatch(/look like British National Grid.*crs=EPSG:27700/);
    expect(await t.store.countAssets()).toBe(0);
  });

  it("round-trips every layer through GeoJSON, statuses included", async () => {
    await upload("schools", "schools.geojson", readReal(REAL_FILES.schoolsGeoJson));
    await upload("gritting", "routes.json", readReal(REAL_FILES.traffordRoutesGeoJson));
    await upload("gritting", "salford.kml", readReal(REAL_FILES.salfordRoutesKml));
    await upload("bins", "wards.geojson", readReal(REAL_FILES.traffordWards), { nameField: "area_name" });
    const closures = [{ assetId: "urn-106167", status: { code: "closed", message: "Snow, \"see\" <site>" } }, { assetId: "routeid-3", status: { code: "in_progress" } }];
    expect((await t.post({ changes: closures })).status).toBe(201);

    const geojson = JSON.parse(await exported("gritting", "geojson"));
    expect(geojson.features.find((f: { id: string }) => f.id === "routeid-3").properties).toMatchObject({ status: "in_progress", status_label: "Gritting in progress" });
    await expectRoundTrip("schools", "geojson", 103);
    await expectRoundTrip("gritting", "geojson", 8);
    await expectRoundTrip("bins", "geojson", 21);
  });

  it("round-trips data that came from text formats through CSV and KML", async () => {
    await upload("schools", "schools.csv", readReal(REAL_FILES.schoolsWithPhaseCsv));
    await upload("gritting", "trafford.kml", readReal(REAL_FILES.traffordRoutesKml));
    await upload("gritting", "salford.kml", readReal(REAL_FILES.salfordRoutesKml));
    expect((await t.post({ changes: [{ assetId: "urn-106167", status: { code: "late_opening", message: "Opening at 10:00" } }] })).status).toBe(201);

    expect((await exported("schools", "csv")).split("\n")[0]).toMatch(/,lat,lon$/);
    expect((await exported("gritting", "csv")).split("\n")[0]).toMatch(/,wkt$/);
    await expectRoundTrip("schools", "csv", 103);
    await expectRoundTrip("schools", "kml", 103);
    await expectRoundTrip("gritting", "csv", 8);
    await expectRoundTrip("gritting", "kml", 8);
  });
});
