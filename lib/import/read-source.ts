import { checkFeatureSet, DEFAULT_IMPORT_LIMITS, type ImportLimits } from "./import-limits";
import type { ImportFormat, ImportOptions } from "./import-options";
import { readCsv } from "./read-csv";
import { readGeoJson } from "./read-geojson";
import { readKml } from "./read-kml";
import { readShapefile, type ShapefileParts } from "./read-shapefile";
import type { RawFeatureSet } from "./raw-features";

/** An uploaded or local file to import; a shapefile is several files. */
export type ImportSource =
  | { format: Exclude<ImportFormat, "shapefile">; bytes: Uint8Array }
  | { format: "shapefile"; parts: ShapefileParts };

/** Reads a file within the caps: what a reader can check as it goes it checks there, the rest is checked before mapping. */
export async function readSource(source: ImportSource, options: ImportOptions, limits: ImportLimits = DEFAULT_IMPORT_LIMITS): Promise<RawFeatureSet> {
  const set = await readFormat(source, options, limits);
  checkFeatureSet(set, limits);
  return set;
}

async function readFormat(source: ImportSource, options: ImportOptions, limits: ImportLimits): Promise<RawFeatureSet> {
  switch (source.format) {
    case "geojson":
      return readGeoJson(source.bytes, limits);
    case "csv":
      return readCsv(source.bytes, options, limits);
    case "kml":
      return readKml(source.bytes, limits);
    case "shapefile":
      return readShapefile(source.parts, limits);
  }
}
