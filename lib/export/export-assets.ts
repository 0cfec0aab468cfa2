import * as z from "zod";
import { layerSchema } from "../domain/layers";
import type { AssetWithStatus } from "../domain/status";
import { assetsToCsv } from "./to-csv";
import { assetsToGeoJson } from "./to-geojson";
import { assetsToKml } from "./to-kml";

export const EXPORT_FORMATS = ["geojson", "csv", "kml"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** What an export asks for; shared by the CLI and GET /admin/exports. */
export const exportOptionsSchema = z.strictObject({
  layer: layerSchema,
  format: z.enum(EXPORT_FORMATS, { message: `format must be one of ${EXPORT_FORMATS.join(", ")}` }),
  /** CSV only: lat/lon columns (points) or a WKT column; by default lat/lon for points, WKT otherwise. */
  csvGeometry: z.enum(["latlon", "wkt"]).optional(),
});
export type ExportOptions = z.infer<typeof exportOptionsSchema>;

const CONTENT_TYPES: Record<ExportFormat, string> = {
  geojson: "application/geo+json; charset=utf-8",
  csv: "text/csv; charset=utf-8",
  kml: "application/vnd.google-earth.kml+xml; charset=utf-8",
};

export interface ExportFile {
  body: string;
  contentType: string;
  fileName: string;
}

/** A layer's assets with their current statuses as a file in the chosen format. */
export function exportAssets(assets: AssetWithStatus[], options: ExportOptions): ExportFile {
  const body =
    options.format === "geojson" ? assetsToGeoJson(assets) : options.format === "csv" ? assetsToCsv(assets, options.csvGeometry) : assetsToKml(assets);
  return { body, contentType: CONTENT_TYPES[options.format], fileName: `snowline-${options.layer}.${options.format}` };
}
