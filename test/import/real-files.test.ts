import { afterEach, beforeEach, expect, it } from "vitest";
import type { Layer } from "../../lib/domain/layers";
import { forEachPosition } from "../../lib/domain/geometry";
import { importOptionsSchema, type ImportOptionsInput } from "../../lib/import/import-options";
import { ImportFileError } from "../../lib/import/import-report";
import type { ImportSource } from "../../lib/import/read-source";
import { runImport } from "../../lib/import/run-import";
import type { Store } from "../../lib/store/store";
import { refuseAssetInsert } from "../../lib/store/testing";
import { T0, TEST_ACTOR } from "../support/fixtures";
import { describeWithRealData, manchesterShapefile, readReal, REAL_FILES } from "../support/real-data";
import { describeEachStore } from "../support/stores";

const geojson = (path: string): ImportSource => ({ format: "geojson", bytes: readReal(path) });
const csv = (text: string | Buffer): ImportSource => ({ format: "csv", bytes: typeof text === "string" ? new TextEncoder().encode(text) : text });
const kml = (path: string): ImportSource => ({ format: "kml", bytes: readReal(path) });
const ids = (report: { assets: { id: string }[] }) => report.assets.map((a) => a.id).sort();
const rowsIn = (report: { assets: { rows: number[] }[] }) => report.assets.reduce((sum, a) => sum + a.rows.length, 0);

function expectInside(geometry: Parameters<typeof forEachPosition>[0], box: { west: number; east: number; south: number; north: number }) {
  forEachPosition(geometry, ([lon, lat]) => {
    expect(lon).toBeGreaterThan(box.west);
    expect(lon).toBeLessThan(box.east);
    expect(lat).toBeGreaterThan(box.south);
    expect(lat).toBeLessThan(box.north);
  });
}
const TRAFFORD = { west: -2.5, east: -2.24, south: 53.35, north: 53.49 };
const MANCHESTER = { west: -2.33, east: -2.13, south: 53.33, north: 53.55 };

describeWithRealData("importing the real Greater Manchester files", () => {
  describeEachStore("runImport", (factory) => {
    let store: Store;
    let dispose: () => Promise<void>;
    beforeEach(async () => ({ store, dispose } = await factory.open()));
    afterEach(async () => dispose());

    const run = (layer: Layer, source: ImportSource, extra: Partial<ImportOptionsInput> = {}) =>
      runImport(store, source, importOptionsSchema.parse({ layer, dryRun: false, ...extra }), T0);

    it("imports Trafford's 103 schools from GeoJSON; both CSVs land on the same 103 ids, keeping statuses", async () => {
      const fromGeoJson = await run("schools", geojson(REAL_FILES.schoolsGeoJson));
      expect(fromGeoJson).toMatchObject({ applied: true, idField: "unique_reference_number", nameField: "name", counts: { read: 103, add: 103, rejected: 0 } });
      const school = await store.getAsset("urn-106167");
      expect(school).toMatchObject({ layer: "schools", name: "St John Vianney School", attributes: { postcode: "M16 0EX", type: "Special schools" } });
      expect(school!.geometry.coordinates[0]).toBeCloseTo(-2.2782922, 6);
      expect(school!.geometry.coordinates[1]).toBeCloseTo(53.4514618, 6);
      (await store.listAssets({ layer: "schools" })).forEach((s) => expectInside(s.geometry, TRAFFORD));

      await store.appendChanges([{ assetId: "urn-106167", status: { code: "closed", message: "Snow" } }], { actor: TEST_ACTOR, ip: null, now: T0 });
      const fromCsv = await run("schools", csv(readReal(REAL_FILES.schoolsCsv)));
      expect(fromCsv.counts).toMatchObject({ read: 103, add: 0, rejected: 0 });
      expect(ids(fromCsv)).toEqual(ids(fromGeoJson));
      const withPhase = await run("schools", csv(readReal(REAL_FILES.schoolsWithPhaseCsv)));
      expect(withPhase).toMatchObject({ idField: "URN", counts: { add: 0, update: 103, rejected: 0 } });
      expect(ids(withPhase)).toEqual(ids(fromGeoJson));
      expect(await store.getAsset("urn-106167")).toMatchObject({ attributes: { phase: "All through" }, status: { code: "closed", message: "Snow", version: 1 } });
      expect(await store.countAssets()).toBe(103);
    });

    it("imports Trafford's 163 gritting features as their 6 routes, from GeoJSON in British National Grid and from KML alike", async () => {
      const fromGeoJson = await run("gritting", geojson(REAL_FILES.traffordRoutesGeoJson));
      expect(fromGeoJson).toMatchObject({ idField: "ROUTEID", counts: { read: 163, assets: 6, add: 6, rejected: 0 } });
      expect(fromGeoJson.crs).toMatch(/British National Grid \(EPSG:27700\).*reprojected to WGS84/);
      expect(ids(fromGeoJson)).toEqual(["routeid-1", "routeid-2", "routeid-3", "routeid-4", "routeid-5", "routeid-6"]);
      expect(rowsIn(fromGeoJson)).toBe(163);
      const routes = await store.listAssets({ layer: "gritting" });
      routes.forEach((r) => expectInside(r.geometry, TRAFFORD));
      const route1 = routes.find((r) => r.id === "routeid-1")!;
      expect(route1).toMatchObject({ name: "Gritting route 1", geometry: { type: "MultiLineString" }, attributes: { ROUTEID: "1", segments: 43 } });
      // SOURCE.md measures route 1 at 51.4 km in the grid; on the ellipsoid it is within a percent of that.
      expect(route1.attributes.lengthKm as number).toBeGreaterThan(50.9);
      expect(route1.attributes.lengthKm as number).toBeLessThan(51.9);

      const fromKml = await run("gritting", kml(REAL_FILES.traffordRoutesKml), { dryRun: true });
      expect(fromKml).toMatchObject({ idField: "ROUTEID", counts: { read: 163, assets: 6, add: 0, update: 6, rejected: 0 } });
      expect(ids(fromKml)).toEqual(ids(fromGeoJson));
      expect(rowsIn(fromKml)).toBe(163);
    });

    it("imports Salford's KML: 2 named placemarks holding 626 lines, with ids that survive a re-import", async () => {
      const report = await run("gritting", kml(REAL_FILES.salfordRoutesKml));
      expect(report).toMatchObject({ idField: null, counts: { read: 2, add: 2, rejected: 0 } });
      expect(report.warnings[0]).toMatch(/No id field/);
      const routes = await store.listAssets({ layer: "gritting" });
      expect(routes.map((r) => r.name).sort()).toEqual(["Primary Gritting Route", "Secondary Gritting Route"]);
      expect(routes.reduce((sum, r) => sum + (r.geometry.type === "MultiLineString" ? r.geometry.coordinates.length : 1), 0)).toBe(626);
      expect((await run("gritting", kml(REAL_FILES.salfordRoutesKml))).counts).toMatchObject({ add: 0, update: 0, unchanged: 2 });
    });

    it("imports Manchester's 7,942 shapefile segments as its 911 streets (one per USRN) with priorities", async () => {
      const report = await run("gritting", { format: "shapefile", parts: manchesterShapefile() });
      expect(report).toMatchObject({ idField: "USRN", nameField: "STREET_NAM", counts: { read: 7942, assets: 911, add: 911, rejected: 0 } });
      expect(report.crs).toMatch(/British National Grid/);
      expect(rowsIn(report)).toBe(7942);
      const streets = await store.listAssets({ layer: "gritting" });
      expect(streets).toHaveLength(911);
      streets.forEach((s) => expectInside(s.geometry, MANCHESTER));
      expect(streets.find((s) => s.id === "usrn-24500034")).toMatchObject({
        name: "Bailey Lane",
        attributes: { USRN: 24500034, Priority: "Secondary Route", priority: 2, segments: 2 },
      });
      const byPriority = streets.reduce<Record<string, number>>((n, s) => ({ ...n, [String(s.attributes.priority)]: (n[String(s.attributes.priority)] ?? 0) + 1 }), {});
      expect(Object.keys(byPriority).sort()).toEqual(["1", "2", "3"]);

      const again = await run("gritting", { format: "shapefile", parts: manchesterShapefile() });
      expect(again.counts).toMatchObject({ add: 0, update: 0, unchanged: 911 });
      const segments = await run("gritting", { format: "shapefile", parts: manchesterShapefile() }, { idField: "OBJECTID", dryRun: true });
      expect(segments.counts).toMatchObject({ assets: 7942, add: 7942 });
    });

    it("dry-runs a schools CSV with one bad row, naming it, stores nothing; applying imports the other 102", async () => {
      const lines = readReal(REAL_FILES.schoolsCsv).toString("utf8").split("\n");
      const header = lines[0]!.split(",");
      const cells = lines[6]!.split(",");
      cells[header.indexOf("lat")] = "fifty-three";
      lines[6] = cells.join(",");
      const badUrn = `urn-${cells[header.indexOf("unique_reference_number")]}`;

      const dryRun = await run("schools", csv(lines.join("\n")), { dryRun: true });
      expect(dryRun).toMatchObject({ dryRun: true, applied: false, counts: { read: 103, add: 102, rejected: 1 } });
      expect(dryRun.rejected).toEqual([{ row: 7, field: "lat", message: 'lat is not a number: "fifty-three"' }]);
      expect(await store.countAssets()).toBe(0);

      const applied = await run("schools", csv(lines.join("\n")));
      expect(applied).toMatchObject({ applied: true, counts: { add: 102, rejected: 1 } });
      expect(await store.countAssets()).toBe(102);
      expect(await store.getAsset(badUrn)).toBeNull();

      await expect(run("schools", csv(lines.join("\n")), { strict: true })).rejects.toThrow(/1 rows were rejected and strict is on/);
    });

    it("rejects malformed files with a clear message and changes nothing", async () => {
      await run("gritting", geojson(REAL_FILES.traffordRoutesGeoJson));
      const before = await store.listAssets();
      const half = (path: string) => readReal(path).subarray(0, 40_000);
      const wronglyDeclared = new TextEncoder().encode(readReal(REAL_FILES.traffordRoutesGeoJson).toString("utf8").replace("EPSG::27700", "OGC:1.3:CRS84"));
      const attempts: [ImportSource, RegExp][] = [
        [{ format: "geojson", bytes: half(REAL_FILES.traffordRoutesGeoJson) }, /not valid JSON/],
        [{ format: "kml", bytes: half(REAL_FILES.traffordRoutesKml) }, /KML file is not well-formed XML/],
        [{ format: "kml", bytes: readReal(REAL_FILES.traffordRoutesGeoJson) }, /KML file is not well-formed XML/],
        [csv('name,lat,lon\n"Broken,53.4,-2.3\n'), /CSV file could not be read/],
        [{ format: "shapefile", parts: { ...manchesterShapefile(), shp: half(REAL_FILES.manchesterShp) } }, /shapefile could not be read/],
        [{ format: "geojson", bytes: wronglyDeclared }, /said to be WGS84.*look like British National Grid/],
      ];
      for (const [source, message] of attempts) {
        const error = await run("gritting", source).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(ImportFileError);
        expect((error as Error).message).toMatch(message);
      }
      expect(await store.listAssets()).toEqual(before);
    });

    it("writes all or nothing: when the database refuses one asset mid-import, none of the 911 is stored", async () => {
      // The last asset is written in the last of upsertAssets' chunks, after the others went in.
      const lastId = (await run("gritting", { format: "shapefile", parts: manchesterShapefile() }, { dryRun: true })).assets.at(-1)!.id;
      await refuseAssetInsert(store, lastId);
      await expect(run("gritting", { format: "shapefile", parts: manchesterShapefile() })).rejects.toThrow(/refused by the test/);
      expect(await store.countAssets()).toBe(0);
    });

    it("rejects rows whose id already belongs to another layer, importing the rest", async () => {
      await run("schools", geojson(REAL_FILES.schoolsGeoJson));
      const report = await run("gritting", csv("id,name,wkt\nurn-106167,Clash,\"LINESTRING(-2.3 53.4, -2.2 53.5)\"\nroute-9,Fine,\"LINESTRING(-2.3 53.4, -2.2 53.5)\"\n"));
      expect(report.rejected).toEqual([{ row: 2, field: "id", message: 'The id urn-106167 already belongs to a schools asset ("St John Vianney School")' }]);
      expect(ids(report)).toEqual(["route-9"]);
      expect(await store.getAsset("urn-106167")).toMatchObject({ layer: "schools", geometry: { type: "Point" } });
    });
  });
});
