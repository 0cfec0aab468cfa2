import { afterEach, beforeEach, expect, it } from "vitest";
import type { Layer } from "../../lib/domain/layers";
import { importOptionsSchema, type ImportOptionsInput } from "../../lib/import/import-options";
import { ImportFileError } from "../../lib/import/import-report";
import type { ImportSource } from "../../lib/import/read-source";
import { runImport } from "../../lib/import/run-import";
import type { Store } from "../../lib/store/store";
import { T0, TEST_ACTOR } from "../support/fixtures";
import {
  ROUTE_SEGMENTS,
  routesBritishNationalGridGeoJson,
  routesKml,
  SCHOOL_IDS,
  schoolsCsv,
  schoolsGeoJson,
  schoolsWithPhaseCsv,
  STREET_IDS,
  streetsShapefile,
} from "../support/small-council-files";
import { describeEachStore } from "../support/stores";

const text = (value: string) => new TextEncoder().encode(value);
const csv = (value: string): ImportSource => ({ format: "csv", bytes: text(value) });
const ids = (report: { assets: { id: string }[] }) => report.assets.map((a) => a.id).sort();

describeEachStore("importing a small council's files", (factory) => {
  let store: Store;
  let dispose: () => Promise<void>;
  beforeEach(async () => ({ store, dispose } = await factory.open()));
  afterEach(async () => dispose());

  const run = (layer: Layer, source: ImportSource, extra: Partial<ImportOptionsInput> = {}) =>
    runImport(store, source, importOptionsSchema.parse({ layer, dryRun: false, ...extra }), T0);

  it("imports schools from GeoJSON; two CSVs spelling the id field differently land on the same ids, keeping statuses", async () => {
    const fromGeoJson = await run("schools", { format: "geojson", bytes: schoolsGeoJson() });
    expect(fromGeoJson).toMatchObject({ applied: true, idField: "unique_reference_number", nameField: "name", counts: { read: 4, add: 4, rejected: 0 } });
    expect(ids(fromGeoJson)).toEqual(SCHOOL_IDS);
    expect(await store.getAsset("urn-900104")).toMatchObject({
      layer: "schools",
      name: "Dale Street Special School",
      geometry: { type: "Point", coordinates: [-2.2783, 53.4515] },
      attributes: { postcode: "M16 0DD", type: "Special schools" },
    });

    await store.appendChanges([{ assetId: "urn-900104", status: { code: "closed", message: "Snow" } }], { actor: TEST_ACTOR, ip: null, now: T0 });
    const fromCsv = await run("schools", csv(schoolsCsv()));
    expect(fromCsv.counts).toMatchObject({ read: 4, add: 0, unchanged: 4, rejected: 0 });
    const withPhase = await run("schools", csv(schoolsWithPhaseCsv()));
    expect(withPhase).toMatchObject({ idField: "URN", counts: { add: 0, update: 4, rejected: 0 } });
    expect(ids(withPhase)).toEqual(SCHOOL_IDS);
    expect(await store.getAsset("urn-900104")).toMatchObject({ attributes: { phase: "All through" }, status: { code: "closed", message: "Snow", version: 1 } });
    expect(await store.countAssets()).toBe(4);
  });

  it("reprojects gritting routes from British National Grid, merging segments by route id; the KML of the same routes matches", async () => {
    const fromGeoJson = await run("gritting", { format: "geojson", bytes: routesBritishNationalGridGeoJson() });
    expect(fromGeoJson).toMatchObject({ idField: "ROUTEID", counts: { read: 3, assets: 2, add: 2, rejected: 0 } });
    expect(fromGeoJson.crs).toMatch(/British National Grid \(EPSG:27700\).*reprojected to WGS84/);
    const route1 = await store.getAsset("routeid-1");
    expect(route1).toMatchObject({ name: "Gritting route 1", geometry: { type: "MultiLineString" }, attributes: { ROUTEID: "1", segments: 2 } });
    // Within a few metres of where the council's own KML puts the first vertex.
    const [lon, lat] = (route1!.geometry.coordinates as number[][][])[0]![0]!;
    const [kmlLon, kmlLat] = ROUTE_SEGMENTS[0]!.wgs84[0]!;
    expect(lon).toBeCloseTo(kmlLon, 4);
    expect(lat).toBeCloseTo(kmlLat, 4);

    const fromKml = await run("gritting", { format: "kml", bytes: routesKml() }, { dryRun: true });
    expect(fromKml).toMatchObject({ idField: "ROUTEID", counts: { read: 3, assets: 2, add: 0, update: 2, rejected: 0 } });
    expect(ids(fromKml)).toEqual(ids(fromGeoJson));
  });

  it("imports a shapefile's street segments as one asset per USRN, with priorities, and re-imports it unchanged", async () => {
    const report = await run("gritting", { format: "shapefile", parts: streetsShapefile() });
    expect(report).toMatchObject({ idField: "USRN", nameField: "STREET_NAM", counts: { read: 3, assets: 2, add: 2, rejected: 0 } });
    expect(report.crs).toMatch(/British National Grid/);
    expect(ids(report)).toEqual(STREET_IDS);
    const bailey = await store.getAsset("usrn-24500034");
    expect(bailey).toMatchObject({ name: "Bailey Lane", attributes: { USRN: 24500034, Priority: "Secondary Route", priority: 2, segments: 2 } });
    expect(bailey!.attributes).not.toHaveProperty("Shape_Leng");
    expect(await store.getAsset("usrn-24500101")).toMatchObject({ name: "Palatine Road", attributes: { priority: 1 } });

    expect((await run("gritting", { format: "shapefile", parts: streetsShapefile() })).counts).toMatchObject({ add: 0, update: 0, unchanged: 2 });
    const segments = await run("gritting", { format: "shapefile", parts: streetsShapefile() }, { idField: "OBJECTID", dryRun: true });
    expect(segments.counts).toMatchObject({ assets: 3, add: 3 });
  });

  it("dry-runs a schools CSV with one bad row, naming it, stores nothing; applying imports the others; strict refuses", async () => {
    const lines = schoolsCsv().split("\n");
    lines[2] = lines[2]!.replace(/,53\.\d+$/, ",fifty-three");
    const broken = lines.join("\n");

    const dryRun = await run("schools", csv(broken), { dryRun: true });
    expect(dryRun).toMatchObject({ dryRun: true, applied: false, counts: { read: 4, add: 3, rejected: 1 } });
    expect(dryRun.rejected).toEqual([{ row: 3, field: "lat", message: 'lat is not a number: "fifty-three"' }]);
    expect(await store.countAssets()).toBe(0);

    const applied = await run("schools", csv(broken));
    expect(applied).toMatchObject({ applied: true, counts: { add: 3, rejected: 1 } });
    expect(await store.getAsset("urn-900102")).toBeNull();
    await expect(run("schools", csv(broken), { strict: true })).rejects.toThrow(/1 rows were rejected and strict is on/);
    expect(await store.countAssets()).toBe(3);
  });

  it("rejects malformed files with a clear message and changes nothing", async () => {
    await run("gritting", { format: "geojson", bytes: routesBritishNationalGridGeoJson() });
    const before = await store.listAssets();
    const half = (bytes: Uint8Array) => bytes.subarray(0, Math.floor(bytes.length / 2));
    const shapefile = streetsShapefile();
    const routes = new TextDecoder().decode(routesBritishNationalGridGeoJson());
    const attempts: [ImportSource, RegExp][] = [
      [{ format: "geojson", bytes: half(routesBritishNationalGridGeoJson()) }, /not valid JSON/],
      [{ format: "kml", bytes: half(routesKml()) }, /KML file is not well-formed XML/],
      [{ format: "kml", bytes: routesBritishNationalGridGeoJson() }, /KML file is not well-formed XML/],
      [csv('name,lat,lon\n"Broken,53.4,-2.3\n'), /CSV file could not be read/],
      [{ format: "shapefile", parts: { ...shapefile, shp: half(shapefile.shp) } }, /shapefile could not be read/],
      [{ format: "geojson", bytes: text(routes.replace("EPSG::27700", "OGC:1.3:CRS84")) }, /said to be WGS84.*look like British National Grid/],
    ];
    for (const [source, message] of attempts) {
      const error = await run("gritting", source).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ImportFileError);
      expect((error as Error).message).toMatch(message);
    }
    expect(await store.listAssets()).toEqual(before);
  });

  it("rejects rows whose id already belongs to another layer, importing the rest", async () => {
    await run("schools", { format: "geojson", bytes: schoolsGeoJson() });
    const report = await run("gritting", csv('id,name,wkt\nurn-900101,Clash,"LINESTRING(-2.3 53.4, -2.2 53.5)"\nroute-9,Fine,"LINESTRING(-2.3 53.4, -2.2 53.5)"\n'));
    expect(report.rejected).toEqual([{ row: 2, field: "id", message: 'The id urn-900101 already belongs to a schools asset ("Ashdown Primary School")' }]);
    expect(ids(report)).toEqual(["route-9"]);
    expect(await store.getAsset("urn-900101")).toMatchObject({ layer: "schools", geometry: { type: "Point" } });
  });
});
