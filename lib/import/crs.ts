import proj4 from "proj4";
import { ImportFileError } from "./import-report";

/** A coordinate system an import can read, and how to turn its positions into WGS84 longitude/latitude. */
export interface Crs {
  /** E.g. "EPSG:27700"; "custom" for a .prj proj4 understood but we have no code for. */
  code: string;
  label: string;
  isGeographic: boolean;
  toWgs84(x: number, y: number): [number, number];
}

// The OSGB36 → WGS84 Helmert transform that EPSG publishes for British National Grid. It is
// accurate to a few metres, plenty for a road or a school on a map; OSTN15 would need a grid file.
const BNG_PROJ4 =
  "+proj=tmerc +lat_0=49 +lon_0=-2 +k=0.9996012717 +x_0=400000 +y_0=-100000 +ellps=airy " +
  "+towgs84=446.448,-125.157,542.06,0.15,0.247,0.842,-20.489 +units=m +no_defs";

const identity = (x: number, y: number): [number, number] => [x, y];

const WGS84: Crs = { code: "EPSG:4326", label: "WGS84 longitude/latitude", isGeographic: true, toWgs84: identity };

function projected(code: string, label: string, definition: string): Crs {
  const converter = proj4(definition, "WGS84");
  return { code, label, isGeographic: false, toWgs84: (x, y) => converter.forward([x, y]) as [number, number] };
}

const KNOWN: Record<string, () => Crs> = {
  "4326": () => WGS84,
  // ETRS89 differs from WGS84 by well under a metre in Britain.
  "4258": () => ({ ...WGS84, code: "EPSG:4258", label: "ETRS89 longitude/latitude" }),
  "27700": () => projected("EPSG:27700", "British National Grid (EPSG:27700)", BNG_PROJ4),
  "3857": () => projected("EPSG:3857", "Web Mercator (EPSG:3857)", "EPSG:3857"),
};

export const BRITISH_NATIONAL_GRID = "EPSG:27700";

/**
 * Resolves what a file or an option says about its coordinates: an EPSG code in any of the usual
 * spellings (EPSG:27700, urn:ogc:def:crs:EPSG::27700, CRS84) or a .prj's WKT.
 */
export function resolveCrs(spec: string): Crs {
  const text = spec.trim();
  if (/^(urn:ogc:def:crs:OGC:1\.3:)?CRS84$/i.test(text)) return WGS84;
  const code = /^(?:urn:ogc:def:crs:)?EPSG:+(?:[\d.]*:)?(\d{4,5})$/i.exec(text)?.[1] ?? /^(\d{4,5})$/.exec(text)?.[1];
  if (code) {
    const known = KNOWN[code];
    if (!known) {
      throw new ImportFileError(
        `The coordinates are in EPSG:${code}, which Snowline cannot reproject. Convert the file to WGS84 (EPSG:4326) or British National Grid (EPSG:27700).`,
        "crs",
      );
    }
    return known();
  }
  if (/^\s*(PROJCS|GEOGCS|PROJCRS|GEOGCRS)\[/i.test(text)) return crsFromWkt(text);
  throw new ImportFileError(`The coordinate system "${text.slice(0, 80)}" is not one Snowline knows`, "crs");
}

function crsFromWkt(wkt: string): Crs {
  if (/British_National_Grid|OSGB[ _]?(1936|36)[ _/]+British[ _]National[ _]Grid|AUTHORITY\["EPSG",\s*"?27700"?\]/i.test(wkt)) {
    return KNOWN["27700"]!();
  }
  if (/^\s*GEOGCS\[/i.test(wkt) && /WGS[ _]?(19)?84/i.test(wkt)) return WGS84;
  let converter: proj4.Converter;
  try {
    converter = proj4(wkt, "WGS84");
  } catch {
    throw new ImportFileError("The .prj file describes a coordinate system Snowline cannot read; convert the data to WGS84 or British National Grid", "prj");
  }
  const name = /^\s*\w+\["([^"]{1,80})"/.exec(wkt)?.[1] ?? "unnamed";
  const isGeographic = /^\s*GEOG/i.test(wkt);
  return { code: "custom", label: `${name} (from the .prj)`, isGeographic, toWgs84: (x, y) => converter.forward([x, y]) as [number, number] };
}

export const WGS84_CRS = WGS84;

export const isLonLat = (x: number, y: number): boolean => Math.abs(x) <= 180 && Math.abs(y) <= 90;

/** Inside the British National Grid's false-origin square (with room for Shetland). */
export const isBngLike = (x: number, y: number): boolean => x >= 0 && x <= 700_000 && y >= 0 && y <= 1_300_000;
