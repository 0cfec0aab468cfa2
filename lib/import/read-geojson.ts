import type { Geometry as GeoJsonGeometry } from "geojson";
import { checkJsonDepth, DEFAULT_IMPORT_LIMITS, type ImportLimits } from "./import-limits";
import { ImportFileError } from "./import-report";
import { decodeText, type RawFeature, type RawFeatureSet } from "./raw-features";

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** Reads a GeoJSON FeatureCollection (or a single Feature), noting its `crs` member if it has one. */
export function readGeoJson(bytes: Uint8Array, limits: ImportLimits = DEFAULT_IMPORT_LIMITS): RawFeatureSet {
  const warnings: string[] = [];
  const text = decodeText(bytes, warnings);
  checkJsonDepth(text, limits);
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new ImportFileError(`The file is not valid JSON: ${(error as Error).message}`);
  }
  if (!isObject(document)) throw new ImportFileError("The file is JSON but not a GeoJSON object");
  let items: unknown[];
  if (document.type === "FeatureCollection" && Array.isArray(document.features)) items = document.features;
  else if (document.type === "Feature") items = [document];
  else {
    throw new ImportFileError(
      `The file is JSON but not a GeoJSON FeatureCollection (its type is ${JSON.stringify(document.type ?? null).slice(0, 40)})`,
    );
  }
  const features = items.map((item, index): RawFeature => {
    const row = index + 1;
    if (!isObject(item) || item.type !== "Feature") {
      return { row, geometry: null, properties: {}, problem: { field: "(feature)", message: "Not a GeoJSON Feature" } };
    }
    const properties = isObject(item.properties) ? { ...item.properties } : {};
    // A top-level feature id is the natural asset id when no property says otherwise.
    if ((typeof item.id === "string" || typeof item.id === "number") && !("id" in properties)) properties.id = item.id;
    const geometry = isObject(item.geometry) ? (item.geometry as unknown as GeoJsonGeometry) : null;
    return { row, geometry, properties };
  });
  return { features, declaredCrs: crsMember(document.crs), rowKind: "feature", geometryFields: [], coordinateFields: null, warnings };
}

/** The 2008 GeoJSON `crs` member: `{type: "name", properties: {name}}` or the older `{type: "EPSG", properties: {code}}`. */
function crsMember(crs: unknown): string | null {
  if (!isObject(crs) || !isObject(crs.properties)) return null;
  if (typeof crs.properties.name === "string") return crs.properties.name;
  if (crs.type === "EPSG" && (typeof crs.properties.code === "number" || typeof crs.properties.code === "string")) {
    return `EPSG:${crs.properties.code}`;
  }
  throw new ImportFileError("The GeoJSON crs member names no coordinate system", "crs");
}
