import type { Geometry as GeoJsonGeometry } from "geojson";
import { ValidationError } from "../domain/errors";
import { ImportFileError } from "./import-report";
import type { RawFeatureSet } from "./raw-features";

/**
 * How big and how oddly shaped a file may be. A council's real layers are far smaller (hundreds of
 * schools, a few thousand route segments); the caps are there so that a wrong or hostile file is
 * refused early, with the limit named, instead of taking a worker's memory and time.
 */
export interface ImportLimits {
  /** Rows of a CSV (blank ones included) or features of any other format. */
  rows: number;
  /** Columns of a CSV, or distinct property names across all features. */
  columns: number;
  /** Nesting of JSON arrays and objects, or of XML elements. */
  depth: number;
  /** Positions in all geometries together. */
  vertices: number;
  /** Characters in one CSV cell. */
  cellChars: number;
}

export const DEFAULT_IMPORT_LIMITS: ImportLimits = {
  rows: 100_000,
  columns: 1_000,
  depth: 32,
  vertices: 1_000_000,
  cellChars: 1_000_000,
};

export type ImportLimitName = keyof ImportLimits | "time" | "memory";

/** The file is larger or more complex than an import may be: refused whole, nothing stored. Its path names the limit, e.g. `file.rows`. */
export class ImportLimitError extends ValidationError {
  constructor(readonly limit: ImportLimitName, message: string) {
    super([{ path: `file.${limit}`, message }], message);
    this.name = "ImportLimitError";
  }
}

const SPLIT = "Split it into smaller files.";

export function tooManyRows(rowKind: "row" | "feature", limits: ImportLimits): ImportLimitError {
  return new ImportLimitError("rows", `The file has more than ${limits.rows.toLocaleString("en-GB")} ${rowKind}s, the most one import may have. ${SPLIT}`);
}

export function tooManyColumns(count: number, what: "columns" | "distinct property names", limits: ImportLimits): ImportLimitError {
  return new ImportLimitError(
    "columns",
    `The file has ${count.toLocaleString("en-GB")} ${what}; an import may have at most ${limits.columns.toLocaleString("en-GB")}.`,
  );
}

/** Nesting too deep to be GeoJSON or KML (a MultiPolygon in a FeatureCollection is 8 levels): a malformed file, so a 400. */
export function tooDeep(what: string, limits: ImportLimits): ImportFileError {
  return new ImportFileError(`The ${what} is nested more than ${limits.depth} levels deep, which no map layer needs; it cannot be imported.`, "file.depth");
}

/**
 * Throws as soon as JSON text nests arrays and objects deeper than the limit. Runs over the text
 * before it is parsed, so a file of a million `[` never becomes a million nested arrays.
 */
export function checkJsonDepth(text: string, limits: ImportLimits): void {
  let depth = 0;
  let isInString = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isInString) {
      if (code === 92 /* \ */) i++;
      else if (code === 34 /* " */) isInString = false;
    } else if (code === 34) isInString = true;
    else if (code === 123 /* { */ || code === 91 /* [ */) {
      if (++depth > limits.depth) throw tooDeep("JSON", limits);
    } else if (code === 125 /* } */ || code === 93 /* ] */) depth--;
  }
}

/**
 * Throws as soon as XML nests elements deeper than the limit, holds more Placemarks than rows or
 * more coordinate tuples than vertices allowed, before a DOM is built. A scan, not a parser: the
 * parser still judges well-formedness (a truncated file ends the scan quietly).
 */
export function checkXmlShape(text: string, limits: ImportLimits): void {
  let depth = 0;
  let placemarks = 0;
  let vertices = 0;
  let at = text.indexOf("<");
  while (at !== -1) {
    const next = text.charCodeAt(at + 1);
    let end: number;
    if (text.startsWith("<!--", at)) end = endOf(text, "-->", at);
    else if (text.startsWith("<![CDATA[", at)) end = endOf(text, "]]>", at);
    else if (next === 63 /* ? */ || next === 33 /* ! */) end = text.indexOf(">", at);
    else {
      end = text.indexOf(">", at);
      if (next === 47 /* / */) depth--;
      else if (end !== -1 && text.charCodeAt(end - 1) !== 47) {
        if (++depth > limits.depth) throw tooDeep("XML", limits);
        const name = /^<(?:\w+:)?(\w+)/.exec(text.slice(at, at + 40))?.[1];
        if (name === "Placemark" && ++placemarks > limits.rows) throw tooManyRows("feature", limits);
        if (name === "coordinates" || name === "coord") {
          vertices += countTuples(text, end + 1, name === "coord");
          if (vertices > limits.vertices) throw tooManyVertices(limits);
        }
      }
    }
    if (end === -1) return;
    at = text.indexOf("<", end);
  }
}

const endOf = (text: string, terminator: string, from: number) => {
  const found = text.indexOf(terminator, from);
  return found === -1 ? -1 : found + terminator.length - 1;
};

/** KML `<coordinates>` holds tuples separated by whitespace; a `<gx:coord>` holds one tuple. */
function countTuples(text: string, from: number, isOne: boolean): number {
  if (isOne) return 1;
  let count = 0;
  let isInTuple = false;
  for (let i = from; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 60 /* < */) break;
    const isSpace = code === 32 || code === 10 || code === 13 || code === 9;
    if (!isSpace && !isInTuple) count++;
    isInTuple = !isSpace;
  }
  return count;
}

function tooManyVertices(limits: ImportLimits): ImportLimitError {
  return new ImportLimitError(
    "vertices",
    `The geometries have more than ${limits.vertices.toLocaleString("en-GB")} positions in all, the most one import may have. ` +
      "Simplify the lines or split the file into smaller files.",
  );
}

/** Checks what a reader found against the caps, before any geometry is reprojected or mapped. */
export function checkFeatureSet(set: RawFeatureSet, limits: ImportLimits): void {
  if (set.features.length > limits.rows) throw tooManyRows(set.rowKind, limits);
  const names = new Set<string>();
  let vertices = 0;
  for (const feature of set.features) {
    for (const name in feature.properties) {
      names.add(name);
      if (names.size > limits.columns) throw tooManyColumns(names.size, "distinct property names", limits);
    }
    vertices += countPositions(feature.geometry);
    if (vertices > limits.vertices) throw tooManyVertices(limits);
  }
}

function countPositions(geometry: GeoJsonGeometry | null | undefined): number {
  if (!geometry || typeof geometry !== "object") return 0;
  if (geometry.type === "GeometryCollection") {
    return Array.isArray(geometry.geometries) ? geometry.geometries.reduce((sum, member) => sum + countPositions(member), 0) : 0;
  }
  const count = (value: unknown): number => {
    if (!Array.isArray(value)) return 0;
    if (!Array.isArray(value[0])) return 1;
    let sum = 0;
    for (const item of value) sum += count(item);
    return sum;
  };
  return count((geometry as { coordinates?: unknown }).coordinates);
}
