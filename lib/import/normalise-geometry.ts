import type { Geometry as GeoJsonGeometry, Position as GeoJsonPosition } from "geojson";
import type { Geometry, Position } from "../domain/geometry";
import { isBngLike, isLonLat, type Crs } from "./crs";

/** 7 decimal places of a degree are about a centimetre: more is noise, and it keeps stored JSON small. */
const round = (value: number) => Math.round(value * 1e7) / 1e7;

export class GeometryProblem extends Error {}

/**
 * Turns a file's geometry into a domain geometry in WGS84: reprojected, 2D, rounded, with KML's
 * MultiGeometry (a GeometryCollection of one kind) made into the matching Multi* type.
 * Throws GeometryProblem with a message for the report.
 */
export function normaliseGeometry(geometry: GeoJsonGeometry | null, crs: Crs): Geometry {
  if (!geometry) throw new GeometryProblem("The feature has no geometry");
  const position = (raw: GeoJsonPosition): Position => toWgs84(raw, crs);
  const line = (raw: GeoJsonPosition[]) => {
    if (!Array.isArray(raw)) throw new GeometryProblem("A line has no coordinates");
    return raw.map(position);
  };
  const polygon = (raw: GeoJsonPosition[][]) => raw.map(line);
  switch (geometry.type) {
    case "Point":
      return { type: "Point", coordinates: position(geometry.coordinates) };
    case "MultiPoint":
      if (geometry.coordinates.length === 1) return { type: "Point", coordinates: position(geometry.coordinates[0]!) };
      throw new GeometryProblem(`A MultiPoint of ${geometry.coordinates.length} points cannot be one asset; give each point its own row`);
    case "LineString":
      return { type: "LineString", coordinates: line(geometry.coordinates) };
    case "MultiLineString": {
      // GIS exports sometimes hold a one-position "part" (a stray click); it draws nothing, so it is left out.
      const parts = geometry.coordinates.map(line).filter((part) => part.length >= 2);
      if (!parts.length) throw new GeometryProblem("Every part of the MultiLineString has fewer than two positions");
      return { type: "MultiLineString", coordinates: parts };
    }
    case "Polygon":
      return { type: "Polygon", coordinates: polygon(geometry.coordinates) };
    case "MultiPolygon":
      return { type: "MultiPolygon", coordinates: geometry.coordinates.map(polygon) };
    case "GeometryCollection":
      return fromCollection(geometry.geometries.map((member) => normaliseGeometry(member, crs)));
    default:
      throw new GeometryProblem(`Unknown geometry type ${JSON.stringify((geometry as { type?: unknown }).type)}`);
  }
}

function fromCollection(members: Geometry[]): Geometry {
  const kinds = new Set(members.map((m) => m.type.replace(/^Multi/, "")));
  if (members.length === 0) throw new GeometryProblem("The feature's geometry collection is empty");
  if (kinds.size > 1) throw new GeometryProblem(`The feature mixes ${[...kinds].join(" and ")} geometries`);
  return mergeGeometries(members);
}

/** Joins geometries of one kind into one (Multi)geometry: how features sharing an id become one asset. */
export function mergeGeometries(members: Geometry[]): Geometry {
  if (members.length === 1) return members[0]!;
  const kind = members[0]!.type.replace(/^Multi/, "");
  if (kind === "LineString") {
    return { type: "MultiLineString", coordinates: members.flatMap((m) => (m.type === "LineString" ? [m.coordinates] : m.type === "MultiLineString" ? m.coordinates : [])) };
  }
  if (kind === "Polygon") {
    return { type: "MultiPolygon", coordinates: members.flatMap((m) => (m.type === "Polygon" ? [m.coordinates] : m.type === "MultiPolygon" ? m.coordinates : [])) };
  }
  throw new GeometryProblem(`${members.length} points cannot be one asset`);
}

function toWgs84(raw: GeoJsonPosition, crs: Crs): Position {
  if (!Array.isArray(raw) || typeof raw[0] !== "number" || typeof raw[1] !== "number" || !Number.isFinite(raw[0]) || !Number.isFinite(raw[1])) {
    throw new GeometryProblem(`A position is not a pair of numbers: ${JSON.stringify(raw)?.slice(0, 60)}`);
  }
  const [x, y] = raw as [number, number];
  if (crs.isGeographic) {
    if (!isLonLat(x, y)) throw new GeometryProblem(`Coordinates ${x}, ${y} are outside longitude -180…180 / latitude -90…90`);
    return [round(x), round(y)];
  }
  if (crs.code === "EPSG:27700" && !isBngLike(x, y)) {
    throw new GeometryProblem(`Coordinates ${x}, ${y} are outside the British National Grid`);
  }
  const [lon, lat] = crs.toWgs84(x, y);
  if (!Number.isFinite(lon) || !Number.isFinite(lat) || !isLonLat(lon, lat)) {
    throw new GeometryProblem(`Coordinates ${x}, ${y} cannot be reprojected from ${crs.label}`);
  }
  return [round(lon), round(lat)];
}
