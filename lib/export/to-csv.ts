import { stringify } from "csv-stringify/sync";
import wkx from "wkx";
import { ValidationError } from "../domain/errors";
import type { AssetWithStatus } from "../domain/status";
import { cellText, exportProperties } from "./export-properties";

export type CsvGeometry = "latlon" | "wkt";

// A cell starting with one of these is a formula to Excel and LibreOffice; a leading apostrophe keeps it text.
// The import takes the apostrophe off again (lib/import/text-values.ts).
const FORMULA_START = /^[=+\-@\t\r]/;
const guardFormula = (text: string) => (FORMULA_START.test(text) && !/^-?\d/.test(text) ? `'${text}` : text);

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
    const properties = Object.fromEntries(Object.entries(exportProperties(asset)).map(([key, value]) => [key, cellText(value)]));
    if (mode === "wkt") return { ...properties, wkt: wkx.Geometry.parseGeoJSON(asset.geometry).toWkt() };
    const [lon, lat] = asset.geometry.type === "Point" ? asset.geometry.coordinates : [0, 0];
    return { ...properties, lat: String(lat), lon: String(lon) };
  });
  const geometryColumns = mode === "wkt" ? ["wkt"] : ["lat", "lon"];
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))].filter((c) => !geometryColumns.includes(c)).concat(geometryColumns);
  return stringify(rows, {
    header: true,
    columns,
    cast: { string: (value) => guardFormula(value) },
  });
}
