import { parse } from "csv-parse/sync";
import wkx from "wkx";
import type { Geometry as GeoJsonGeometry } from "geojson";
import { BRITISH_NATIONAL_GRID } from "./crs";
import type { ImportOptions } from "./import-options";
import { ImportFileError } from "./import-report";
import { decodeText, type RawFeature, type RawFeatureSet } from "./raw-features";
import { numberFromText, valueFromText } from "./text-values";
import { findField } from "./field-names";
import { DEFAULT_IMPORT_LIMITS, ImportLimitError, tooManyColumns, tooManyRows, type ImportLimits } from "./import-limits";

const WKT_COLUMNS = ["wkt", "geometry", "geom", "the_geom", "wkt_geom", "shape"];
const LAT_COLUMNS = ["lat", "latitude"];
const LON_COLUMNS = ["lon", "lng", "long", "longitude"];
const EASTING_COLUMNS = ["easting", "eastings"];
const NORTHING_COLUMNS = ["northing", "northings"];

type GeometryColumns =
  | { kind: "wkt"; wkt: string }
  | { kind: "xy"; x: string; y: string; crs: string | null };

type CsvOptions = Pick<ImportOptions, "latField" | "lonField" | "wktField">;

/** Reads a CSV with a header row and either lat/lon, easting/northing or WKT geometry columns. */
export function readCsv(bytes: Uint8Array, options: CsvOptions = {}, limits: ImportLimits = DEFAULT_IMPORT_LIMITS): RawFeatureSet {
  const warnings: string[] = [];
  const text = decodeText(bytes, warnings);
  let records: string[][];
  try {
    // Blank lines are kept as records so that row numbers match what a spreadsheet shows.
    // The caps are checked record by record as the parser goes, so a file over them stops at the first row that is.
    records = parse(text, {
      relax_column_count: true,
      skip_empty_lines: false,
      delimiter: sniffDelimiter(text),
      max_record_size: limits.cellChars,
      on_record: (record: string[], context: { records: number }) => {
        if (record.length > limits.columns) throw tooManyColumns(record.length, "columns", limits);
        // `records` counts this one and the header.
        if (context.records - 1 > limits.rows) throw tooManyRows("row", limits);
        return record;
      },
    });
  } catch (error) {
    if (error instanceof ImportLimitError) throw error;
    if ((error as { code?: unknown }).code === "CSV_MAX_RECORD_SIZE") {
      throw new ImportLimitError("cellChars", `A cell of the CSV file is longer than ${limits.cellChars.toLocaleString("en-GB")} characters, the most an import may have.`);
    }
    throw new ImportFileError(`The CSV file could not be read: ${(error as Error).message}`);
  }
  const header = (records[0] ?? []).map((name, index) => name.trim() || `column_${index + 1}`);
  if (header.length < 2) throw new ImportFileError("The CSV file has no header row with column names");
  const seen = new Set<string>();
  const duplicate = header.find((name) => seen.has(name) || !seen.add(name));
  if (duplicate) throw new ImportFileError(`The CSV header has two columns named "${duplicate}"`);

  const columns = geometryColumns(header, options);
  const geometryFields = columns.kind === "wkt" ? [columns.wkt] : [columns.x, columns.y];
  let declaredCrs = columns.kind === "xy" ? columns.crs : null;
  const features: RawFeature[] = [];
  records.slice(1).forEach((record, index) => {
    const row = index + 2;
    if (record.every((cell) => cell.trim() === "")) return;
    const cells: Record<string, string> = {};
    header.forEach((name, i) => (cells[name] = record[i] ?? ""));
    const properties: Record<string, unknown> = {};
    for (const name of header) if (!geometryFields.includes(name)) properties[name] = valueFromText(cells[name]!);
    const feature: RawFeature = { row, geometry: null, properties };
    if (record.length !== header.length) {
      feature.problem = { field: "(row)", message: `The row has ${record.length} columns; the header has ${header.length}` };
    } else if (columns.kind === "xy") {
      const x = numberFromText(cells[columns.x]!);
      const y = numberFromText(cells[columns.y]!);
      if (x === null) feature.problem = coordinateProblem(columns.x, cells[columns.x]!);
      else if (y === null) feature.problem = coordinateProblem(columns.y, cells[columns.y]!);
      else feature.geometry = { type: "Point", coordinates: [x, y] };
    } else {
      const parsed = parseWkt(cells[columns.wkt]!);
      if ("problem" in parsed) feature.problem = { field: columns.wkt, message: parsed.problem };
      else {
        feature.geometry = parsed.geometry;
        if (parsed.srid !== null) {
          const crs = `EPSG:${parsed.srid}`;
          if (declaredCrs && declaredCrs !== crs) {
            feature.problem = { field: columns.wkt, message: `SRID ${parsed.srid} differs from ${declaredCrs} in earlier rows` };
          }
          declaredCrs ??= crs;
        }
      }
    }
    features.push(feature);
  });
  return { features, declaredCrs, rowKind: "row", geometryFields, coordinateFields: columns.kind === "xy" ? { x: columns.x, y: columns.y } : null, warnings };
}

function sniffDelimiter(text: string): string {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const counts = [",", ";", "\t"].map((d) => [d, firstLine.split(d).length] as const);
  return counts.reduce((best, next) => (next[1] > best[1] ? next : best))[0];
}

function geometryColumns(header: string[], options: CsvOptions): GeometryColumns {
  const need = (name: string, flag: string) => {
    const found = findField(header, [name]);
    if (!found) throw new ImportFileError(`The CSV has no column "${name}" (given by ${flag}); its columns are: ${header.join(", ")}`, flag);
    return found;
  };
  if (options.wktField) return { kind: "wkt", wkt: need(options.wktField, "wktField") };
  if (options.latField || options.lonField) {
    const y = options.latField ? need(options.latField, "latField") : findField(header, LAT_COLUMNS);
    const x = options.lonField ? need(options.lonField, "lonField") : findField(header, LON_COLUMNS);
    if (!x || !y) throw new ImportFileError("Give both --lat-field and --lon-field (HTTP: latField and lonField)", "latField");
    return { kind: "xy", x, y, crs: null };
  }
  const wkt = findField(header, WKT_COLUMNS);
  if (wkt) return { kind: "wkt", wkt };
  const lat = findField(header, LAT_COLUMNS);
  const lon = findField(header, LON_COLUMNS);
  if (lat && lon) return { kind: "xy", x: lon, y: lat, crs: null };
  const easting = findField(header, EASTING_COLUMNS);
  const northing = findField(header, NORTHING_COLUMNS);
  if (easting && northing) return { kind: "xy", x: easting, y: northing, crs: BRITISH_NATIONAL_GRID };
  throw new ImportFileError(
    "The CSV has no geometry columns. Add lat and lon (WGS84), easting and northing (British National Grid) or a WKT column " +
      `named wkt or geometry, or name yours with latField/lonField/wktField. Its columns are: ${header.join(", ")}`,
  );
}

function coordinateProblem(field: string, text: string) {
  return { field, message: text.trim() === "" ? `${field} is empty` : `${field} is not a number: "${text.trim().slice(0, 40)}"` };
}

function parseWkt(text: string): { geometry: GeoJsonGeometry; srid: number | null } | { problem: string } {
  if (!text.trim()) return { problem: "The WKT geometry is empty" };
  try {
    const geometry = wkx.Geometry.parse(text.trim());
    return { geometry: geometry.toGeoJSON() as GeoJsonGeometry, srid: geometry.srid ?? null };
  } catch (error) {
    return { problem: `The WKT geometry could not be read: ${(error as Error).message}` };
  }
}
