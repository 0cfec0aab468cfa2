import type { ShapefileParts } from "../../lib/import/read-shapefile";

/** One polyline feature: its lines (parts) as [x, y] vertices, and its attribute values. */
export interface PolylineRecord {
  lines: [number, number][][];
  values: Record<string, string | number>;
}

/** A .dbf column: `C` text or `N` number, with its width in characters. */
export interface DbfField {
  name: string;
  type: "C" | "N";
  width: number;
}

export const BRITISH_NATIONAL_GRID_PRJ =
  'PROJCS["British_National_Grid",GEOGCS["GCS_OSGB_1936",DATUM["D_OSGB_1936",SPHEROID["Airy_1830",6377563.396,299.3249646]],' +
  'PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["False_Easting",400000.0],' +
  'PARAMETER["False_Northing",-100000.0],PARAMETER["Central_Meridian",-2.0],PARAMETER["Scale_Factor",0.9996012717],' +
  'PARAMETER["Latitude_Of_Origin",49.0],UNIT["Meter",1.0]]';

const POLYLINE = 3;

/**
 * Writes a polyline shapefile (.shp, .dbf and the given .prj) in memory, following the ESRI
 * Shapefile Technical Description, so the import tests need no binary files from anywhere.
 */
export function writePolylineShapefile(fields: DbfField[], records: PolylineRecord[], prj: string | null): ShapefileParts {
  return { shp: writeShp(records), dbf: writeDbf(fields, records), prj, cpg: null };
}

type Box = [number, number, number, number];

function boxOf(points: [number, number][]): Box {
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

function writeShp(records: PolylineRecord[]): Uint8Array {
  const contents = records.map(({ lines }) => {
    const points = lines.flat();
    const view = new DataView(new ArrayBuffer(44 + 4 * lines.length + 16 * points.length));
    view.setInt32(0, POLYLINE, true);
    boxOf(points).forEach((value, i) => view.setFloat64(4 + 8 * i, value, true));
    view.setInt32(36, lines.length, true);
    view.setInt32(40, points.length, true);
    let offset = 44;
    let start = 0;
    for (const line of lines) {
      view.setInt32(offset, start, true);
      offset += 4;
      start += line.length;
    }
    for (const [x, y] of points) {
      view.setFloat64(offset, x, true);
      view.setFloat64(offset + 8, y, true);
      offset += 16;
    }
    return new Uint8Array(view.buffer);
  });
  const length = 100 + contents.reduce((sum, c) => sum + 8 + c.length, 0);
  const file = new Uint8Array(length);
  const view = new DataView(file.buffer);
  view.setInt32(0, 9994, false);
  view.setInt32(24, length / 2, false);
  view.setInt32(28, 1000, true);
  view.setInt32(32, POLYLINE, true);
  boxOf(records.flatMap((r) => r.lines.flat())).forEach((value, i) => view.setFloat64(36 + 8 * i, value, true));
  let offset = 100;
  contents.forEach((content, i) => {
    view.setInt32(offset, i + 1, false);
    view.setInt32(offset + 4, content.length / 2, false);
    file.set(content, offset + 8);
    offset += 8 + content.length;
  });
  return file;
}

function writeDbf(fields: DbfField[], records: PolylineRecord[]): Uint8Array {
  const headerLength = 32 + 32 * fields.length + 1;
  const recordLength = 1 + fields.reduce((sum, f) => sum + f.width, 0);
  const file = new Uint8Array(headerLength + recordLength * records.length + 1);
  const view = new DataView(file.buffer);
  const ascii = (text: string, at: number) => file.set(new TextEncoder().encode(text), at);
  view.setUint8(0, 0x03);
  file.set([126, 12, 1], 1); // last update: 2026-12-01
  view.setUint32(4, records.length, true);
  view.setUint16(8, headerLength, true);
  view.setUint16(10, recordLength, true);
  fields.forEach((field, i) => {
    ascii(field.name.slice(0, 10), 32 + 32 * i);
    ascii(field.type, 32 + 32 * i + 11);
    view.setUint8(32 + 32 * i + 16, field.width);
  });
  view.setUint8(headerLength - 1, 0x0d);
  records.forEach((record, r) => {
    let offset = headerLength + r * recordLength;
    ascii(" ", offset++);
    for (const field of fields) {
      const text = String(record.values[field.name] ?? "").slice(0, field.width);
      ascii(field.type === "N" ? text.padStart(field.width) : text.padEnd(field.width), offset);
      offset += field.width;
    }
  });
  view.setUint8(file.length - 1, 0x1a);
  return file;
}
