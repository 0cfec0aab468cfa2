import { simplify } from "@turf/simplify";
import * as z from "zod";
import { geometrySchema, type Geometry, type Position } from "../domain/geometry";
import { layerSchema, type Layer } from "../domain/layers";

/**
 * Map shapes for the public map: lines and areas simplified to within a few metres and
 * coordinates cut to 5 decimals (about 1 m), which a phone draws the same at street zoom
 * for a fraction of the bytes. The full geometry stays in /api/v1/assets.
 */
export const MAP_TOLERANCE_DEGREES = 0.00003;
const PRECISION = 1e5;

export const mapFeatureSchema = z.object({
  type: z.literal("Feature"),
  id: z.string(),
  geometry: geometrySchema,
  properties: z.object({ layer: layerSchema, priority: z.int().optional() }),
});
export type MapFeature = z.infer<typeof mapFeatureSchema>;

/** GET /api/v1/geometry. */
export const mapFeatureCollectionSchema = z.object({ type: z.literal("FeatureCollection"), features: z.array(mapFeatureSchema) });
export type MapFeatureCollection = z.infer<typeof mapFeatureCollectionSchema>;

const round = (n: number) => Math.round(n * PRECISION) / PRECISION;
const roundPosition = ([lon, lat]: Position): Position => [round(lon), round(lat)];

function roundGeometry(geometry: Geometry): Geometry {
  switch (geometry.type) {
    case "Point":
      return { type: "Point", coordinates: roundPosition(geometry.coordinates) };
    case "LineString":
      return { type: "LineString", coordinates: geometry.coordinates.map(roundPosition) };
    case "MultiLineString":
      return { type: "MultiLineString", coordinates: geometry.coordinates.map((line) => line.map(roundPosition)) };
    case "Polygon":
      return { type: "Polygon", coordinates: geometry.coordinates.map((ring) => ring.map(roundPosition)) };
    case "MultiPolygon":
      return { type: "MultiPolygon", coordinates: geometry.coordinates.map((rings) => rings.map((ring) => ring.map(roundPosition))) };
  }
}

export function toMapGeometry(geometry: Geometry, tolerance = MAP_TOLERANCE_DEGREES): Geometry {
  if (geometry.type === "Point") return roundGeometry(geometry);
  const simplified = simplify(structuredClone(geometry), { tolerance, highQuality: false, mutate: true }) as Geometry;
  return roundGeometry(simplified);
}

export function toMapFeatureCollection(
  assets: Iterable<{ id: string; layer: Layer; geometry: Geometry; attributes: Record<string, unknown> }>,
): MapFeatureCollection {
  const features: MapFeature[] = [];
  for (const asset of assets) {
    const priority = Number(asset.attributes.priority);
    features.push({
      type: "Feature",
      id: asset.id,
      geometry: toMapGeometry(asset.geometry),
      properties: { layer: asset.layer, ...(asset.layer === "gritting" && Number.isInteger(priority) ? { priority } : {}) },
    });
  }
  return { type: "FeatureCollection", features };
}
