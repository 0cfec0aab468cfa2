import * as shapefile from "shapefile";
import type { Geometry as GeoJsonGeometry } from "geojson";
import { DEFAULT_IMPORT_LIMITS, ImportLimitError, tooManyRows, type ImportLimits } from "./import-limits";
import { ImportFileError } from "./import-report";
import type { RawFeature, RawFeatureSet } from "./raw-features";

/** The files of one shapefile: the .shp, and beside it the .dbf (attributes), .prj (CRS) and .cpg (text encoding). */
export interface ShapefileParts {
  shp: Uint8Array;
  dbf: Uint8Array | null;
  prj: string | null;
  cpg: string | null;
}

/** Reads an ESRI shapefile; its .prj (if any) says which CRS the coordinates are in. */
export async function readShapefile(parts: ShapefileParts, limits: ImportLimits = DEFAULT_IMPORT_LIMITS): Promise<RawFeatureSet> {
  const warnings: string[] = [];
  if (!parts.dbf) warnings.push("No .dbf file came with the shapefile, so its features have no attributes.");
  if (!parts.prj) warnings.push("No .prj file came with the shapefile, so its coordinate system is guessed from the coordinates.");
  const features: RawFeature[] = [];
  try {
    const source = await shapefile.open(toArrayBuffer(parts.shp), parts.dbf ? toArrayBuffer(parts.dbf) : undefined, {
      encoding: dbfEncoding(parts.cpg),
    });
    for (let result = await source.read(); !result.done; result = await source.read()) {
      if (features.length >= limits.rows) throw tooManyRows("feature", limits);
      features.push({
        row: features.length + 1,
        geometry: (result.value.geometry as GeoJsonGeometry | null) ?? null,
        properties: { ...(result.value.properties ?? {}) },
      });
    }
  } catch (error) {
    if (error instanceof ImportLimitError) throw error;
    throw new ImportFileError(`The shapefile could not be read: ${(error as Error).message}`);
  }
  return { features, declaredCrs: parts.prj?.trim() || null, rowKind: "feature", geometryFields: [], coordinateFields: null, warnings };
}

// shapefile reads from an ArrayBuffer from offset 0, so hand it one holding exactly these bytes.
function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

/** A .cpg names the .dbf's code page, e.g. "UTF-8" or "1252"; without one, ESRI's default is Windows-1252. */
function dbfEncoding(cpg: string | null): string {
  const name = cpg?.trim();
  if (!name) return "windows-1252";
  return /^\d+$/.test(name) ? `windows-${name}` : name.toLowerCase();
}
