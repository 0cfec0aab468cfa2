import { describe, expect, it } from "vitest";
import type { Geometry as GeoJsonGeometry } from "geojson";
import { resolveCrs, WGS84_CRS } from "./crs";
import { importOptionsSchema, type ImportOptionsInput } from "./import-options";
import { mapFeatures } from "./map-features";
import type { RawFeatureSet } from "./raw-features";

type Raw = { properties: Record<string, unknown>; geometry?: GeoJsonGeometry | null };
const pt = (lon: number, lat: number): GeoJsonGeometry => ({ type: "Point", coordinates: [lon, lat] });
const ln = (...coordinates: number[][]): GeoJsonGeometry => ({ type: "LineString", coordinates });

function set(features: Raw[], extra: Partial<RawFeatureSet> = {}): RawFeatureSet {
  return {
    features: features.map((f, i) => ({ row: i + 1, geometry: f.geometry === undefined ? pt(-2.3, 53.4) : f.geometry, properties: f.properties })),
    declaredCrs: null,
    rowKind: "feature",
    geometryFields: [],
    coordinateFields: null,
    warnings: [],
    ...extra,
  };
}
const map = (features: Raw[], options: Partial<ImportOptionsInput> & Pick<ImportOptionsInput, "layer">, extra?: Partial<RawFeatureSet>) =>
  mapFeatures(set(features, extra), WGS84_CRS, importOptionsSchema.parse(options));

describe("mapFeatures: ids", () => {
  it("gives a school the same id whether its file calls the reference URN or unique_reference_number", () => {
    const a = map([{ properties: { URN: 106167, name: "St John Vianney" } }], { layer: "schools" });
    const b = map([{ properties: { unique_reference_number: "106167", name: "St John Vianney" } }], { layer: "schools" });
    expect(a.assets[0]!.asset.id).toBe("urn-106167");
    expect(b.assets[0]!.asset.id).toBe("urn-106167");
    expect(a.idField).toBe("URN");
  });

  it("casts a USRN stored as a float to a whole number", () => {
    const mapped = map([{ properties: { USRN: 2.4500034e7, STREET_NAM: "Bailey Lane" }, geometry: ln([-2.3, 53.4], [-2.29, 53.41]) }], { layer: "gritting" });
    expect(mapped.assets[0]!.asset).toMatchObject({ id: "usrn-24500034", name: "Bailey Lane", attributes: { USRN: 24500034 } });
  });

  it("uses an id column called id as it is (so Snowline's exports import back onto the same assets)", () => {
    const mapped = map([{ properties: { id: "school-001", name: "A" } }, { properties: { id: "Not a valid id!", name: "B" } }], { layer: "schools" });
    expect(mapped.assets.map((a) => a.asset.id)).toEqual(["school-001", expect.stringMatching(/^Not-a-valid-id-[0-9a-f]{8}$/)]);
  });

  it("keeps the exported id of rows that lack the file's id field (an export of routes imported from several files)", () => {
    const mapped = map(
      [
        { properties: { id: "routeid-1", ROUTEID: 1, name: "Route 1" }, geometry: ln([-2.3, 53.4], [-2.2, 53.5]) },
        { properties: { id: "geo-e3bb282aeda1aa16", ROUTEID: null, name: "Primary Gritting Route" }, geometry: ln([-2.3, 53.4], [-2.2, 53.5]) },
      ],
      { layer: "gritting" },
    );
    expect(mapped.assets.map((a) => a.asset.id)).toEqual(["routeid-1", "geo-e3bb282aeda1aa16"]);
    expect(mapped.assets[0]!.asset.attributes).not.toHaveProperty("id");
  });

  it("takes the id and name fields given as options, and refuses ones the file does not have", () => {
    const mapped = map([{ properties: { ref: "A1", title: "x", label: "Ashdown" } }], { layer: "schools", idField: "REF", nameField: "label" });
    expect(mapped.assets[0]!.asset).toMatchObject({ id: "ref-A1", name: "Ashdown" });
    expect(() => map([{ properties: { ref: "A1" } }], { layer: "schools", idField: "code" })).toThrow(/no field "code" \(given as idField\); its fields are: ref/);
  });

  it("rejects a row with an empty id, and a second school with the same id, naming the first", () => {
    const mapped = map(
      [{ properties: { URN: 1, name: "A" } }, { properties: { URN: null, name: "B" } }, { properties: { URN: 1, name: "C" } }],
      { layer: "schools" },
    );
    expect(mapped.assets).toHaveLength(1);
    expect(mapped.rejected).toEqual([
      { row: 2, field: "URN", message: "URN is empty; it is needed so that re-imports update the same asset" },
      { row: 3, field: "URN", message: "URN 1 is also in feature 1; ids must be unique" },
    ]);
  });

  it("falls back to a stable hash of geometry and name when there is no id field, and says so", () => {
    const features = [{ properties: { name: "Primary" }, geometry: ln([-2.3, 53.4], [-2.2, 53.5]) }, { properties: { name: "Secondary" }, geometry: ln([-2.3, 53.4], [-2.2, 53.5]) }];
    const first = map(features, { layer: "gritting" });
    const again = map(features, { layer: "gritting" });
    expect(first.assets.map((a) => a.asset.id)).toEqual(again.assets.map((a) => a.asset.id));
    expect(new Set(first.assets.map((a) => a.asset.id)).size).toBe(2);
    expect(first.assets[0]!.asset.id).toMatch(/^geo-[0-9a-f]{16}$/);
    expect(first.idField).toBeNull();
    expect(first.warnings[0]).toMatch(/No id field was found.*hash/);
    const twice = map([features[0]!, features[0]!], { layer: "gritting" });
    expect(twice.assets).toHaveLength(1);
    expect(twice.rejected).toEqual([{ row: 2, field: "geometry", message: "A duplicate of feature 1: the same geometry and name" }]);
  });
});

describe("mapFeatures: routes made of many features", () => {
  it("merges features sharing a route id into one MultiLineString, dropping per-segment OBJECTIDs", () => {
    const mapped = map(
      [
        { properties: { ROUTEID: "1", OBJECTID: 10 }, geometry: ln([-2.3, 53.4], [-2.29, 53.41]) },
        { properties: { ROUTEID: "2", OBJECTID: 11 }, geometry: ln([-2.2, 53.4], [-2.19, 53.41]) },
        { properties: { ROUTEID: "1", OBJECTID: 12 }, geometry: { type: "MultiLineString", coordinates: [[[-2.28, 53.42], [-2.27, 53.43]], [[-2.26, 53.44], [-2.25, 53.45]]] } },
      ],
      { layer: "gritting" },
    );
    expect(mapped.assets.map((a) => [a.asset.id, a.asset.name, a.rows])).toEqual([
      ["routeid-1", "Gritting route 1", [1, 3]],
      ["routeid-2", "Gritting route 2", [2]],
    ]);
    const route = mapped.assets[0]!.asset;
    expect(route.geometry.type).toBe("MultiLineString");
    expect(route.geometry.coordinates).toHaveLength(3);
    expect(route.attributes).toEqual({ ROUTEID: "1", segments: 2, lengthKm: expect.any(Number) });
  });

  it("keeps differing values of merged features as a list and derives a numeric gritting priority (the most urgent)", () => {
    const mapped = map(
      [
        { properties: { USRN: 7, STREET_NAM: "Hyde Road", Priority: "Secondary Route" }, geometry: ln([-2.2, 53.4], [-2.19, 53.41]) },
        { properties: { USRN: 7, STREET_NAM: "Hyde Road", Priority: "Primary Route" }, geometry: ln([-2.19, 53.41], [-2.18, 53.42]) },
      ],
      { layer: "gritting" },
    );
    expect(mapped.assets[0]!.asset.attributes).toMatchObject({ Priority: ["Secondary Route", "Primary Route"], priority: 1, segments: 2 });
  });

  it("turns a KML MultiGeometry of lines into a MultiLineString and drops one-position parts", () => {
    const mapped = map(
      [
        {
          properties: { name: "Primary Gritting Route" },
          geometry: { type: "GeometryCollection", geometries: [ln([-2.3, 53.4, 0], [-2.2, 53.5, 0]), ln([-2.1, 53.4], [-2.0, 53.5])] },
        },
        { properties: { name: "Stray" }, geometry: { type: "MultiLineString", coordinates: [[[-2.3, 53.4], [-2.2, 53.5]], [[-2.1, 53.4]]] } },
      ],
      { layer: "gritting" },
    );
    expect(mapped.assets[0]!.asset.geometry).toEqual({ type: "MultiLineString", coordinates: [[[-2.3, 53.4], [-2.2, 53.5]], [[-2.1, 53.4], [-2.0, 53.5]]] });
    expect(mapped.assets[1]!.asset.geometry.coordinates).toHaveLength(1);
  });
});

describe("mapFeatures: names, geometry and attributes", () => {
  it("ignores placeholder names such as MapInfo's and names the asset from its layer and id", () => {
    const mapped = map([{ properties: { name: "MapInfo Saved Objects", ROUTEID: 4 }, geometry: ln([-2.3, 53.4], [-2.2, 53.5]) }], { layer: "gritting" });
    expect(mapped.assets[0]!.asset.name).toBe("Gritting route 4");
  });

  it("reprojects British National Grid and rounds to 7 decimal places", () => {
    const mapped = mapFeatures(set([{ properties: { URN: 1, name: "A" }, geometry: pt(381972.9963, 386136.9966) }]), resolveCrs("EPSG:27700"), importOptionsSchema.parse({ layer: "schools" }));
    const [lon, lat] = mapped.assets[0]!.asset.geometry.coordinates as number[];
    expect(lon).toBeCloseTo(-2.2727, 3);
    expect(lat).toBeCloseTo(53.371, 2);
    expect(String(lon).split(".")[1]!.length).toBeLessThanOrEqual(7);
  });

  it("rejects geometry the layer cannot hold, and coordinates out of range, naming the CSV column", () => {
    const mapped = map(
      [
        { properties: { URN: 1, name: "A" }, geometry: ln([-2.3, 53.4], [-2.2, 53.5]) },
        { properties: { URN: 2, name: "B" }, geometry: pt(-2.3, 153.4) },
        { properties: { URN: 3, name: "C" }, geometry: null },
      ],
      { layer: "schools" },
      { rowKind: "row", coordinateFields: { x: "lon", y: "lat" } },
    );
    expect(mapped.rejected).toEqual([
      { row: 1, field: "geometry.type", message: "A schools asset needs Point geometry, not LineString" },
      { row: 2, field: "lat", message: "Coordinates -2.3, 153.4 are outside longitude -180…180 / latitude -90…90" },
      { row: 3, field: "geometry", message: "The feature has no geometry" },
    ]);
  });

  it("rejects a name longer than assetSchema allows", () => {
    const mapped = map([{ properties: { URN: 1, name: "x".repeat(201) } }], { layer: "schools" });
    expect(mapped.rejected).toEqual([{ row: 1, field: "name", message: "Name is longer than 200 characters" }]);
  });

  it("keeps other properties as plain, bounded attributes and leaves out empty values, ESRI lengths and Snowline's status columns", () => {
    const mapped = map(
      [
        {
          properties: {
            URN: 5,
            name: "A",
            note: "y".repeat(1500),
            nested: { a: 1 },
            tags: ["a", 2],
            opened: new Date("2020-09-01T00:00:00Z"),
            bad: Number.NaN,
            Shape_Leng: 215.5,
            status: "closed",
            status_message: "Snow",
            ["k".repeat(80)]: 1,
          },
        },
      ],
      { layer: "schools" },
    );
    const { attributes } = mapped.assets[0]!.asset;
    expect(Object.keys(attributes)).toEqual(["URN", "note", "nested", "tags", "opened", "k".repeat(64)]);
    expect((attributes.note as string).length).toBe(1000);
    expect(attributes).toMatchObject({ nested: '{"a":1}', tags: ["a", "2"], opened: "2020-09-01" });
    expect(mapped.warnings.join("\n")).toMatch(/Ignored status, status_message: an import never changes statuses/);
    expect(mapped.warnings.join("\n")).toMatch(/note were cut to 1000 characters/);
  });
});
