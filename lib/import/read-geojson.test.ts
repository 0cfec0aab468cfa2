import { describe, expect, it } from "vitest";
import { ImportFileError } from "./import-report";
import { readGeoJson } from "./read-geojson";

const json = (value: unknown) => new TextEncoder().encode(typeof value === "string" ? value : JSON.stringify(value));
const point = { type: "Point", coordinates: [-2.3, 53.4] };

describe("readGeoJson", () => {
  it("reads features, numbering them from 1, and uses a top-level feature id as the id property", () => {
    const set = readGeoJson(
      json({
        type: "FeatureCollection",
        features: [
          { type: "Feature", id: "a-1", properties: { name: "A" }, geometry: point },
          { type: "Feature", properties: null, geometry: null },
          { type: "Nonsense" },
        ],
      }),
    );
    expect(set.features.map((f) => [f.row, f.properties])).toEqual([
      [1, { name: "A", id: "a-1" }],
      [2, {}],
      [3, {}],
    ]);
    expect(set.features[2]!.problem).toEqual({ field: "(feature)", message: "Not a GeoJSON Feature" });
    expect(set.declaredCrs).toBeNull();
  });

  it.each([
    [{ type: "name", properties: { name: "urn:ogc:def:crs:EPSG::27700" } }, "urn:ogc:def:crs:EPSG::27700"],
    [{ type: "EPSG", properties: { code: 27700 } }, "EPSG:27700"],
  ])("reports the crs member %j", (crs, expected) => {
    expect(readGeoJson(json({ type: "FeatureCollection", crs, features: [] })).declaredCrs).toBe(expected);
  });

  it("reads a single Feature", () => {
    expect(readGeoJson(json({ type: "Feature", properties: {}, geometry: point })).features).toHaveLength(1);
  });

  it.each([
    ["malformed JSON", '{"type": "FeatureCollection", "features": [', /not valid JSON/],
    ["a bare geometry", point, /not a GeoJSON FeatureCollection \(its type is "Point"\)/],
    ["an array", [1, 2], /not a GeoJSON object/],
    ["a crs member without a name", { type: "FeatureCollection", crs: { type: "link", properties: {} }, features: [] }, /crs member names no coordinate system/],
  ])("refuses %s", (_what, value, message) => {
    expect(() => readGeoJson(json(value))).toThrow(ImportFileError);
    expect(() => readGeoJson(json(value))).toThrow(message);
  });
});
