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

export async function readSource(source: ImportSource, options: ImportOptions): Promise<RawFeatureSet> {
  switch (source.format) {
    case "geojson":
      return readGeoJson(source.bytes);
    case "csv":
      return readCsv(source.bytes, options);
    case "kml":
      return readKml(source.bytes);
    case "shapefile":
      return readShapefile(source.parts);
  }
}
