import type { Geometry as GeoJsonGeometry, Position as GeoJsonPosition } from "geojson";
import { isBngLike, isLonLat, resolveCrs, WGS84_CRS, type Crs } from "./crs";
import { ImportFileError } from "./import-report";
import type { RawFeatureSet } from "./raw-features";

export interface ChosenCrs {
  crs: Crs;
  /** For the report, e.g. "British National Grid (EPSG:27700), from the file, reprojected to WGS84". */
  description: string;
}

function firstPosition(geometry: GeoJsonGeometry | null): GeoJsonPosition | null {
  if (!geometry) return null;
  if (geometry.type === "GeometryCollection") {
    for (const member of geometry.geometries) {
      const found = firstPosition(member);
      if (found) return found;
    }
    return null;
  }
  let value: unknown = geometry.coordinates;
  while (Array.isArray(value) && Array.isArray(value[0])) value = value[0];
  return Array.isArray(value) && typeof value[0] === "number" && typeof value[1] === "number" ? (value as GeoJsonPosition) : null;
}

const shown = ([x, y]: GeoJsonPosition) => `${+x!.toFixed(6)}, ${+y!.toFixed(6)}`;

const ASK_FOR_BNG =
  "Import it again saying so (CLI: --crs EPSG:27700; HTTP: crs=EPSG:27700), or add a .prj file or a GeoJSON crs member.";

/**
 * Decides which CRS to read the coordinates in: an explicit option, else what the file says, else
 * WGS84 if the coordinates fit. Coordinates that plainly contradict that choice (eastings and
 * northings in a "longitude/latitude" file) stop the import with a message saying what to do,
 * rather than importing points in the sea off Africa.
 */
export function chooseCrs(set: RawFeatureSet, override: string | undefined): ChosenCrs {
  const samples = set.features.map((f) => firstPosition(f.geometry)).filter((p): p is GeoJsonPosition => p !== null);
  const lonLat = samples.filter(([x, y]) => isLonLat(x!, y!));
  const bng = samples.filter(([x, y]) => !isLonLat(x!, y!) && isBngLike(x!, y!));
  const spec = override ?? set.declaredCrs;
  const source = override ? "as asked" : "as the file says";

  if (spec) {
    const crs = resolveCrs(spec);
    if (crs.isGeographic && samples.length && !lonLat.length && bng.length) {
      throw new ImportFileError(
        `The coordinates are said to be ${crs.label}, but they look like British National Grid eastings and northings ` +
          `(first: ${shown(bng[0]!)}). ${override ? "Leave out the crs option, or use EPSG:27700." : ASK_FOR_BNG}`,
        "crs",
      );
    }
    if (!crs.isGeographic && samples.length && lonLat.length === samples.length) {
      throw new ImportFileError(
        `The coordinates are said to be ${crs.label}, but they look like longitude and latitude (first: ${shown(lonLat[0]!)}). ` +
          "Import them as WGS84 (crs EPSG:4326).",
        "crs",
      );
    }
    return { crs, description: crs.isGeographic ? `${crs.label}, ${source}` : `${crs.label}, ${source}, reprojected to WGS84` };
  }
  if (lonLat.length === samples.length) {
    const why = samples.length ? "the file does not say; the coordinates fit" : "the file does not say";
    return { crs: WGS84_CRS, description: `WGS84 longitude/latitude (${why})` };
  }
  if (bng.length * 2 > samples.length) {
    throw new ImportFileError(
      `The coordinates look like British National Grid eastings and northings (first: ${shown(bng[0]!)}), ` +
        `but the file does not say which coordinate system it uses. ${ASK_FOR_BNG}`,
      "crs",
    );
  }
  if (lonLat.length * 2 > samples.length) {
    return { crs: WGS84_CRS, description: "WGS84 longitude/latitude (the file does not say; most coordinates fit)" };
  }
  const odd = samples.find(([x, y]) => !isLonLat(x!, y!))!;
  throw new ImportFileError(
    `The coordinates are neither longitude/latitude nor British National Grid (first: ${shown(odd)}); ` +
      "say which coordinate system they use with the crs option.",
    "crs",
  );
}
