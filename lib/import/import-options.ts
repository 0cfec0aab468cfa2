import * as z from "zod";
import { layerSchema } from "../domain/layers";

export const IMPORT_FORMATS = ["geojson", "csv", "kml", "shapefile"] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

const fieldName = (what: string) =>
  z.string().trim().min(1, `${what} is empty`).max(64, `${what} is longer than 64 characters`).optional();

/** "true"/"false" from a query string or a CLI flag; anything else is an error, never a silent false. */
const booleanText = z.union([z.boolean(), z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1")]);

/**
 * How to read and map one import: shared by the CLI flags and the HTTP query, so both refuse the same things.
 * Every field but `layer` is optional; the defaults per layer are in field-profiles.ts.
 */
export const importOptionsSchema = z.strictObject({
  layer: layerSchema,
  format: z.enum(IMPORT_FORMATS, { message: `format must be one of ${IMPORT_FORMATS.join(", ")}` }).optional(),
  idField: fieldName("idField"),
  nameField: fieldName("nameField"),
  latField: fieldName("latField"),
  lonField: fieldName("lonField"),
  wktField: fieldName("wktField"),
  /** Overrides what the file says (or does not say) about its coordinates, e.g. EPSG:27700. */
  crs: z
    .string()
    .trim()
    .regex(/^(EPSG:\d{4,5}|CRS84)$/i, "crs must look like EPSG:27700, EPSG:4326 or CRS84")
    .optional(),
  /** A dry run reports what would change and stores nothing. Safe by default. */
  dryRun: booleanText.default(true),
  /** Refuse the whole file if any row is rejected, instead of importing the rest. */
  strict: booleanText.default(false),
});
export type ImportOptionsInput = z.input<typeof importOptionsSchema>;
export type ImportOptions = z.infer<typeof importOptionsSchema>;

/** Guesses a format from a file name; null when the extension says nothing. */
export function formatFromFileName(fileName: string): ImportFormat | null {
  const extension = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  switch (extension) {
    case "geojson":
    case "json":
      return "geojson";
    case "csv":
    case "txt":
      return "csv";
    case "kml":
      return "kml";
    case "shp":
      return "shapefile";
    default:
      return null;
  }
}
