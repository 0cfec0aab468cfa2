import { describe, expect, it } from "vitest";
import { checkJsonDepth, checkXmlShape, DEFAULT_IMPORT_LIMITS, ImportLimitError, type ImportLimits } from "./import-limits";
import { importOptionsSchema } from "./import-options";
import { ImportFileError } from "./import-report";
import { readSource, type ImportSource } from "./read-source";

const limits = (caps: Partial<ImportLimits>): ImportLimits => ({ ...DEFAULT_IMPORT_LIMITS, ...caps });
const bytes = (text: string) => new TextEncoder().encode(text);
const read = (source: ImportSource, caps: Partial<ImportLimits>) => readSource(source, importOptionsSchema.parse({ layer: "gritting" }), limits(caps));
const limitOf = async (promise: Promise<unknown>) => {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(ImportLimitError);
  return (error as ImportLimitError).limit;
};

describe("import caps", () => {
  it("counts CSV rows up to the cap exactly, blank rows included", async () => {
    const csv = (rows: number) => bytes("id,lat,lon\n" + "1,53.4,-2.3\n".repeat(rows).replace(/\n$/, ""));
    expect((await read({ format: "csv", bytes: csv(3) }, { rows: 3 })).features).toHaveLength(3);
    expect(await limitOf(read({ format: "csv", bytes: csv(4) }, { rows: 3 }))).toBe("rows");
  });

  it("stops a CSV at the first record with too many columns", async () => {
    expect(await limitOf(read({ format: "csv", bytes: bytes("a,b,c,d\n1,2,3,4\n") }, { columns: 3 }))).toBe("columns");
    expect(await limitOf(read({ format: "csv", bytes: bytes("a,b,c\n1,2,3,4,5\n") }, { columns: 4 }))).toBe("columns");
  });

  it("caps the distinct property names across GeoJSON features and their positions in all", async () => {
    const feature = (properties: object, coordinates: number[][]) => ({ type: "Feature", properties, geometry: { type: "LineString", coordinates } });
    const collection = (...features: object[]) => bytes(JSON.stringify({ type: "FeatureCollection", features }));
    const line = [[-2.3, 53.4], [-2.2, 53.5]];
    expect(await limitOf(read({ format: "geojson", bytes: collection(feature({ a: 1, b: 2 }, line), feature({ c: 3 }, line)) }, { columns: 2 }))).toBe("columns");
    expect(await limitOf(read({ format: "geojson", bytes: collection(feature({}, line), feature({}, [...line, [-2.1, 53.6]])) }, { vertices: 4 }))).toBe("vertices");
    expect((await read({ format: "geojson", bytes: collection(feature({}, line), feature({}, line)) }, { vertices: 4 })).features).toHaveLength(2);
  });

  it("caps KML Placemarks before building a DOM", async () => {
    const kml = (n: number) => bytes(`<kml><Document>${"<Placemark><Point><coordinates>-2.3,53.4</coordinates></Point></Placemark>".repeat(n)}</Document></kml>`);
    expect((await read({ format: "kml", bytes: kml(2) }, { rows: 2 })).features).toHaveLength(2);
    expect(await limitOf(read({ format: "kml", bytes: kml(3) }, { rows: 2 }))).toBe("rows");
  });

  it("measures JSON depth outside strings only", () => {
    expect(() => checkJsonDepth('{"a":"[[[[[[[[[["}', limits({ depth: 1 }))).not.toThrow();
    expect(() => checkJsonDepth('{"a":"\\"[[[","b":[1]}', limits({ depth: 2 }))).not.toThrow();
    expect(() => checkJsonDepth('{"a":[[1]]}', limits({ depth: 2 }))).toThrow(ImportFileError);
  });

  it("measures XML depth by elements, not comments, CDATA or self-closing tags", () => {
    const caps = limits({ depth: 2 });
    expect(() => checkXmlShape('<?xml version="1.0"?><kml><a/><!-- <b><c><d> --><![CDATA[<b><c>]]><b>x</b></kml>', caps)).not.toThrow();
    expect(() => checkXmlShape("<kml><a><b></b></a></kml>", caps)).toThrow(/nested more than 2 levels/);
  });
});

describe("the XML scan", () => {
  it("counts coordinate tuples before building a DOM, and ends quietly on a file cut inside CDATA", () => {
    const kml = (tuples: number) => `<kml><Placemark><LineString><coordinates>\n  ${"-2.3,53.4,0 ".repeat(tuples)}\n</coordinates></LineString></Placemark></kml>`;
    expect(() => checkXmlShape(kml(4), limits({ vertices: 4 }))).not.toThrow();
    expect(() => checkXmlShape(kml(5), limits({ vertices: 4 }))).toThrow(ImportLimitError);
    expect(() => checkXmlShape("<kml><Placemark><description><![CDATA[<b>cut", limits({ depth: 3 }))).not.toThrow();
  });
});
