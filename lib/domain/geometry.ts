import * as z from "zod";

const longitude = z.number().min(-180).max(180);
const latitude = z.number().min(-90).max(90);
/** GeoJSON positions are [lon, lat]; anything after the second number (altitude) is ignored. */
export const positionSchema = z
  .tuple([longitude, latitude])
  .rest(z.number())
  .transform(([lon, lat]) => [lon, lat] as [number, number]);
export type Position = [number, number];

const lineCoordinates = z.array(positionSchema).min(2);
const ringCoordinates = z.array(positionSchema).min(4);

export const pointSchema = z.object({ type: z.literal("Point"), coordinates: positionSchema });
export const lineStringSchema = z.object({ type: z.literal("LineString"), coordinates: lineCoordinates });
export const multiLineStringSchema = z.object({
  type: z.literal("MultiLineString"),
  coordinates: z.array(lineCoordinates).min(1),
});
export const polygonSchema = z.object({ type: z.literal("Polygon"), coordinates: z.array(ringCoordinates).min(1) });
export const multiPolygonSchema = z.object({
  type: z.literal("MultiPolygon"),
  coordinates: z.array(z.array(ringCoordinates).min(1)).min(1),
});

export const geometrySchema = z.discriminatedUnion("type", [
  pointSchema,
  lineStringSchema,
  multiLineStringSchema,
  polygonSchema,
  multiPolygonSchema,
]);

export type Point = z.infer<typeof pointSchema>;
export type LineString = z.infer<typeof lineStringSchema>;
export type MultiLineString = z.infer<typeof multiLineStringSchema>;
export type Polygon = z.infer<typeof polygonSchema>;
export type MultiPolygon = z.infer<typeof multiPolygonSchema>;
export type Geometry = z.infer<typeof geometrySchema>;
export type GeometryType = Geometry["type"];

/** Visits every position of a geometry, e.g. to compute bounds or centroids. */
export function forEachPosition(geometry: Geometry, visit: (position: Position) => void): void {
  switch (geometry.type) {
    case "Point":
      visit(geometry.coordinates);
      return;
    case "LineString":
      geometry.coordinates.forEach(visit);
      return;
    case "MultiLineString":
    case "Polygon":
      geometry.coordinates.forEach((line) => line.forEach(visit));
      return;
    case "MultiPolygon":
      geometry.coordinates.forEach((polygon) => polygon.forEach((ring) => ring.forEach(visit)));
      return;
  }
}

export type Bounds = { west: number; south: number; east: number; north: number };

export function boundsOf(geometries: Iterable<Geometry>): Bounds | null {
  let bounds: Bounds | null = null;
  for (const geometry of geometries) {
    forEachPosition(geometry, ([lon, lat]) => {
      if (!bounds) bounds = { west: lon, south: lat, east: lon, north: lat };
      else {
        bounds.west = Math.min(bounds.west, lon);
        bounds.east = Math.max(bounds.east, lon);
        bounds.south = Math.min(bounds.south, lat);
        bounds.north = Math.max(bounds.north, lat);
      }
    });
  }
  return bounds;
}
