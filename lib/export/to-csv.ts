import wkx from "wkx";
import { ValidationError } from "../domain/errors";
import type { AssetWithStatus } from "../domain/status";
import { stringifyCsv } from "./csv-cell";
import { cellText, exportProperties, type ExportValue } from "./export-properties";

export type CsvGeometry = "latlon" | "wkt";

// Numbers stay numbers, so the CSV rule (csv-cell.ts) guards text only and `-2.5` is not quoted as a formula.
const cell = (value: ExportValue): string | number => (typeof value === "number" ? value : cellText(value));

/**
 * CSV with a header row: the export columns, then lat and lon (points only) or a WKT column.
 * Points default to lat/lon, other layers to WKT.
 */
export function assetsToCsv(assets: AssetWithStatus[], geometry?: CsvGeometry): string {
  const allPoints = assets.every((a) => a.geometry.type === "Point");
  const mode = geometry ?? (allPoints ? "latlon" : "wkt");
  if (mode === "latlon" && !allPoints) {
    throw new ValidationError([{ path: "csvGeometry", message: "Only points can be exported as lat/lon columns; use wkt" }]);
  }
  const rows = assets.map((asset) => {
    const properties = Object.fromEntries(Object.entries(exportProperties(asset)).map(([key, value]) => [key, cell(value)]));
    if (mode === "wkt") return { ...properties, wkt: wkx.Geometry.parseGeoJSON(asset.geometry).toWkt() };
    const [lon, lat] = asset.geometry.type === "Point" ? asset.geometry.coordinates : [0, 0];
    return { ...properties, lat, lon };
  });
  const geometryColumns = mode === "wkt" ? ["wkt"] : ["lat", "lon"];
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))].filter((c) => !geometryColumns.includes(c)).concat(geometryColumns);
  // The import takes the apostrophe of a neutralised formula off again (lib/import/text-values.ts).
  return stringifyCsv(rows, { header: true, columns });
}
