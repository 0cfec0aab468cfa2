import { describe, expect, it } from "vitest";
import { chooseCrs } from "./choose-crs";
import { resolveCrs } from "./crs";
import { ImportFileError } from "./import-report";
import type { RawFeatureSet } from "./raw-features";

const BNG_PRJ =
  'PROJCS["British_National_Grid",GEOGCS["GCS_OSGB_1936",DATUM["D_OSGB_1936",SPHEROID["Airy_1830",6377563.396,299.3249646]],' +
  'PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["False_Easting",400000.0],' +
  'PARAMETER["False_Northing",-100000.0],PARAMETER["Central_Meridian",-2.0],PARAMETER["Scale_Factor",0.9996012717],' +
  'PARAMETER["Latitude_Of_Origin",49.0],UNIT["Meter",1.0]]';

describe("resolveCrs", () => {
  it.each(["EPSG:27700", "urn:ogc:def:crs:EPSG::27700", "urn:ogc:def:crs:EPSG:6.6:27700", "epsg:27700", BNG_PRJ])("knows %s as British National Grid", (spec) => {
    expect(resolveCrs(spec).code).toBe("EPSG:27700");
  });

  it.each(["urn:ogc:def:crs:OGC:1.3:CRS84", "CRS84", "EPSG:4326", "urn:ogc:def:crs:EPSG::4326"])("knows %s as WGS84", (spec) => {
    expect(resolveCrs(spec)).toMatchObject({ isGeographic: true, code: "EPSG:4326" });
  });

  // The Ordnance Survey's worked example (Caister water tower): E 651409.903, N 313177.270 is
  // 52°39′28.8282″N 1°42′57.8663″E in ETRS89 (≈ WGS84). The Helmert transform is good to a few
  // metres; 1e-4 degrees is about 11 m of latitude and 7 m of longitude here.
  it("reprojects British National Grid to WGS84 within a few metres", () => {
    const [lon, lat] = resolveCrs("EPSG:27700").toWgs84(651409.903, 313177.27);
    expect(Math.abs(lat - (52 + 39 / 60 + 28.8282 / 3600))).toBeLessThan(1e-4);
    expect(Math.abs(lon - (1 + 42 / 60 + 57.8663 / 3600))).toBeLessThan(1e-4);
  });

  it("refuses an EPSG code it cannot reproject, saying what to convert to", () => {
    expect(() => resolveCrs("EPSG:32630")).toThrow(/EPSG:32630, which Snowline cannot reproject.*EPSG:4326.*EPSG:27700/);
  });
});

const setWith = (coordinates: number[][], declaredCrs: string | null = null): RawFeatureSet => ({
  features: coordinates.map((c, i) => ({ row: i + 1, geometry: { type: "Point", coordinates: c }, properties: {} })),
  declaredCrs,
  rowKind: "feature",
  geometryFields: [],
  coordinateFields: null,
  warnings: [],
});

describe("chooseCrs", () => {
  it("assumes WGS84 when the file says nothing and the coordinates fit", () => {
    expect(chooseCrs(setWith([[-2.3, 53.4]]), undefined)).toMatchObject({ crs: { code: "EPSG:4326" }, description: expect.stringMatching(/does not say/) });
  });

  it("refuses eastings and northings the file does not declare, saying how to declare them", () => {
    const set = setWith([[375265.79, 387305.77], [375286.01, 387340.87]]);
    expect(() => chooseCrs(set, undefined)).toThrow(ImportFileError);
    expect(() => chooseCrs(set, undefined)).toThrow(/look like British National Grid .*375265\.79, 387305\.77.*--crs EPSG:27700/);
    expect(chooseCrs(set, "EPSG:27700").description).toMatch(/British National Grid.*as asked, reprojected to WGS84/);
  });

  it("refuses a file that says WGS84 but holds eastings and northings", () => {
    expect(() => chooseCrs(setWith([[375265.79, 387305.77]], "urn:ogc:def:crs:OGC:1.3:CRS84"), undefined)).toThrow(/said to be WGS84.*look like British National Grid/);
  });

  it("refuses a file that says British National Grid but holds longitudes and latitudes", () => {
    expect(() => chooseCrs(setWith([[-2.3, 53.4]], "EPSG:27700"), undefined)).toThrow(/said to be British National Grid.*look like longitude and latitude/);
  });

  it("lets an option override what the file says", () => {
    expect(chooseCrs(setWith([[-2.3, 53.4]], "EPSG:27700"), "EPSG:4326").crs.code).toBe("EPSG:4326");
  });

  it("refuses coordinates that are neither", () => {
    expect(() => chooseCrs(setWith([[-9_000_000, 7_000_000]]), undefined)).toThrow(/neither longitude\/latitude nor British National Grid/);
  });
});
