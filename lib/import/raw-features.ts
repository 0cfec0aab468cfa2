import type { Geometry as GeoJsonGeometry } from "geojson";
import iconv from "iconv-lite";

/** One row or feature as read from a file, before mapping: geometry still in the file's CRS. */
export interface RawFeature {
  /** CSV: spreadsheet row (header = 1). Other formats: 1-based feature number. */
  row: number;
  geometry: GeoJsonGeometry | null;
  properties: Record<string, unknown>;
  /** Set by a reader that could not make sense of the row (e.g. a latitude that is not a number). */
  problem?: { field: string; message: string };
}

/** What a reader found: features, plus what the file says about its coordinates. */
export interface RawFeatureSet {
  features: RawFeature[];
  /** A CRS named by the file: a GeoJSON `crs` member, a .prj's WKT, an EWKT SRID, or easting/northing columns. */
  declaredCrs: string | null;
  rowKind: "row" | "feature";
  /** Columns or properties the reader used for geometry, left out of attributes. */
  geometryFields: string[];
  /** CSV point columns (x = longitude or easting), so coordinate problems can name the column. */
  coordinateFields: { x: string; y: string } | null;
  warnings: string[];
}

/** Decodes bytes as UTF-8 (dropping a BOM); falls back to Windows-1252, which spreadsheets on Windows still write. */
export function decodeText(bytes: Uint8Array, warnings: string[]): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    warnings.push("The file is not valid UTF-8; it was read as Windows-1252. Save it as UTF-8 to be sure of accented names.");
    // Node's own TextDecoder reads "windows-1252" as Latin-1 (curly quotes come out as C1 controls), so iconv-lite it is.
    return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), "windows-1252");
  }
}
