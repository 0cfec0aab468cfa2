import * as z from "zod";
import { ValidationError } from "../domain/errors";
import { layerSchema } from "../domain/layers";
import { IMPORT_FORMATS } from "./import-options";

/**
 * Why one row (CSV: the spreadsheet row, header = row 1) or feature (GeoJSON, KML, shapefile:
 * 1-based position in the file) was not imported.
 */
export const rejectionSchema = z.object({
  row: z.int().min(1),
  field: z.string(),
  message: z.string(),
});
export type Rejection = z.infer<typeof rejectionSchema>;

export const IMPORT_ACTIONS = ["add", "update", "unchanged"] as const;
export type ImportAction = (typeof IMPORT_ACTIONS)[number];

export const plannedAssetSchema = z.object({
  id: z.string(),
  name: z.string(),
  action: z.enum(IMPORT_ACTIONS),
  /** The rows or features this asset was built from (several when features sharing an id were merged). */
  rows: z.array(z.int()),
});
export type PlannedAsset = z.infer<typeof plannedAssetSchema>;

export const importReportSchema = z.object({
  layer: layerSchema,
  format: z.enum(IMPORT_FORMATS),
  /** "row" for CSV, "feature" otherwise: what `row` numbers count. */
  rowKind: z.enum(["row", "feature"]),
  /** The coordinate system the file was read in, e.g. "EPSG:27700 (British National Grid), reprojected to WGS84". */
  crs: z.string(),
  idField: z.string().nullable(),
  nameField: z.string().nullable(),
  counts: z.object({
    read: z.int(),
    assets: z.int(),
    add: z.int(),
    update: z.int(),
    unchanged: z.int(),
    rejected: z.int(),
  }),
  assets: z.array(plannedAssetSchema),
  rejected: z.array(rejectionSchema),
  warnings: z.array(z.string()),
  dryRun: z.boolean(),
  applied: z.boolean(),
});
export type ImportReport = z.infer<typeof importReportSchema>;

/** The file as a whole cannot be imported (malformed, unknown CRS, nothing usable): nothing is stored. */
export class ImportFileError extends ValidationError {
  constructor(message: string, field = "file") {
    super([{ path: field, message }], message);
    this.name = "ImportFileError";
  }
}

/** Rows were rejected and the import may not go ahead (strict mode, or no row survived): nothing is stored. */
export class ImportRejectedError extends ValidationError {
  constructor(readonly report: ImportReport, message: string) {
    super(
      report.rejected.map((r) => ({ path: `${report.rowKind}s.${r.row}.${r.field}`, message: r.message })),
      message,
    );
    this.name = "ImportRejectedError";
  }
}
