import type { Geometry, Position } from "../domain/geometry";
import { boundsOf, forEachPosition } from "../domain/geometry";

/** A CAP <area>'s shapes: "lat,lon lat,lon …" polygons and "lat,lon radiusKm" circles. */
export interface CapShapes {
  polygons: string[];
  circles: string[];
}

// A school is a point; the alert covers the site and its gates.
const POINT_RADIUS_KM = 0.2;
const EARTH_RADIUS_KM = 6371;

const coordinate = (n: number) => String(Math.round(n * 1e5) / 1e5);
const latLon = ([lon, lat]: Position) => `${coordinate(lat)},${coordinate(lon)}`;

function distanceKm([lon1, lat1]: Position, [lon2, lat2]: Position): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(a));
}

function ring(positions: Position[]): string {
  const closed = positions.length && positions[0]!.join() !== positions.at(-1)!.join() ? [...positions, positions[0]!] : positions;
  return closed.map(latLon).join(" ");
}

/** Areas as polygons (their outer rings), points and lines as the smallest circle around their bounds' middle. */
export function capShapesFor(geometry: Geometry): CapShapes {
  switch (geometry.type) {
    case "Point":
      return { polygons: [], circles: [`${latLon(geometry.coordinates)} ${POINT_RADIUS_KM}`] };
    case "Polygon":
      return { polygons: [ring(geometry.coordinates[0]!)], circles: [] };
    case "MultiPolygon":
      return { polygons: geometry.coordinates.map((rings) => ring(rings[0]!)), circles: [] };
    case "LineString":
    case "MultiLineString": {
      const box = boundsOf([geometry])!;
      const centre: Position = [(box.west + box.east) / 2, (box.south + box.north) / 2];
      let radius = 0;
      forEachPosition(geometry, (p) => {
        radius = Math.max(radius, distanceKm(centre, p));
      });
      return { polygons: [], circles: [`${latLon(centre)} ${Math.ceil(radius * 100) / 100}`] };
    }
  }
}
