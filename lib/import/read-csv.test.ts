import { describe, expect, it } from "vitest";
import { ImportFileError } from "./import-report";
import { readCsv } from "./read-csv";

const utf8 = (text: string) => new TextEncoder().encode(text);

describe("readCsv", () => {
  it("reads lat/lon points and numbers rows as a spreadsheet does (header = row 1, blank lines and multi-line cells count once)", () => {
    const set = readCsv(utf8('name,lat,lon,note\nA,53.4,-2.3,x\n\n"B\nSchool",53.5,-2.2,y\nC,53.6,-2.1,z\n'));
    expect(set.features.map((f) => [f.row, f.properties.name])).toEqual([
      [2, "A"],
      [4, "B\nSchool"],
      [5, "C"],
    ]);
    expect(set.features[0]!.geometry).toEqual({ type: "Point", coordinates: [-2.3, 53.4] });
    expect(set.features[0]!.properties).toEqual({ name: "A", note: "x" });
    expect(set.declaredCrs).toBeNull();
    expect(set.coordinateFields).toEqual({ x: "lon", y: "lat" });
  });

  it("names the bad cell of a row whose coordinate is not a number, and carries on", () => {
    const set = readCsv(utf8("name,latitude,longitude\nA,53.4,-2.3\nB,north,-2.2\nC,,-2.1\n"));
    expect(set.features.map((f) => f.problem ?? null)).toEqual([
      null,
      { field: "latitude", message: 'latitude is not a number: "north"' },
      { field: "latitude", message: "latitude is empty" },
    ]);
  });

  it("flags a row with the wrong number of columns", () => {
    const set = readCsv(utf8("name,lat,lon\nA,53.4,-2.3,extra\n"));
    expect(set.features[0]!.problem).toEqual({ field: "(row)", message: "The row has 4 columns; the header has 3" });
  });

  it("treats easting/northing columns as British National Grid", () => {
    const set = readCsv(utf8("name,Easting,Northing\nA,375265.79,387305.77\n"));
    expect(set.declaredCrs).toBe("EPSG:27700");
    expect(set.features[0]!.geometry).toEqual({ type: "Point", coordinates: [375265.79, 387305.77] });
  });

  it("reads a WKT column, taking the CRS from an EWKT SRID", () => {
    const set = readCsv(utf8('name,wkt\nA,"SRID=27700;LINESTRING(375265 387305, 375286 387340)"\nB,LINESTRING(oops)\n'));
    expect(set.declaredCrs).toBe("EPSG:27700");
    expect(set.features[0]!.geometry).toEqual({ type: "LineString", coordinates: [[375265, 387305], [375286, 387340]] });
    expect(set.features[1]!.problem?.field).toBe("wkt");
    expect(set.features[1]!.problem?.message).toMatch(/WKT geometry could not be read/);
  });

  it("uses the columns named by latField/lonField/wktField, and says when one is missing", () => {
    const set = readCsv(utf8("name,y_wgs,x_wgs\nA,53.4,-2.3\n"), { latField: "y_wgs", lonField: "x_wgs" });
    expect(set.features[0]!.geometry).toEqual({ type: "Point", coordinates: [-2.3, 53.4] });
    expect(() => readCsv(utf8("name,lat,lon\nA,1,2\n"), { wktField: "shape_wkt" })).toThrow(/no column "shape_wkt".*name, lat, lon/);
  });

  it("types cells: NA and blanks are null, plain numbers are numbers, codes with leading zeros stay text", () => {
    const set = readCsv(utf8("name,lat,lon,a,b,c,d,e\nA,53.4,-2.3,NA,,0161,358,41.3\n"));
    expect(set.features[0]!.properties).toEqual({ name: "A", a: null, b: null, c: "0161", d: 358, e: 41.3 });
  });

  it("takes off the apostrophe Snowline's export puts before formula-like text", () => {
    const set = readCsv(utf8("name,lat,lon,phone\n'=cmd,53.4,-2.3,'+44 161\n"));
    expect(set.features[0]!.properties).toEqual({ name: "=cmd", phone: "+44 161" });
  });

  it("drops a UTF-8 BOM and reads Windows-1252 files with a warning", () => {
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8("name,lat,lon\nA,53.4,-2.3\n")]);
    expect(readCsv(bom).features[0]!.properties.name).toBe("A");
    const latin1 = new Uint8Array([...utf8("name,lat,lon\nSt Mary"), 0x92, ...utf8("s,53.4,-2.3\n")]);
    const set = readCsv(latin1);
    expect(set.features[0]!.properties.name).toBe("St Mary\u2019s");
    expect(set.warnings[0]).toMatch(/Windows-1252/);
  });

  it("reads semicolon-separated files", () => {
    expect(readCsv(utf8("name;lat;lon\nA;53.4;-2.3\n")).features[0]!.geometry).toEqual({ type: "Point", coordinates: [-2.3, 53.4] });
  });

  it.each([
    ["an unclosed quote", 'name,lat,lon\n"A,53.4,-2.3\n', /could not be read: Quote Not Closed/],
    ["no geometry columns", "name,town\nA,Sale\n", /no geometry columns.*name, town/],
    ["a duplicate column", "name,lat,lat,lon\nA,1,2,3\n", /two columns named "lat"/],
    ["an empty file", "", /no header row/],
  ])("refuses a file with %s", (_what, text, message) => {
    expect(() => readCsv(utf8(text))).toThrow(ImportFileError);
    expect(() => readCsv(utf8(text))).toThrow(message);
  });
});
