import type { MapFeature, MapFeatureCollection } from "@/lib/api/map-geometry";
import { boundsOf, type Bounds, type Geometry, type Position } from "@/lib/domain/geometry";

export type { MapFeature };

/** GET /api/v1/geometry once per page: simplified shapes, cached by the server and the browser. */
export async function fetchMapFeatures(): Promise<MapFeature[]> {
  const res = await fetch("/api/v1/geometry");
  if (!res.ok) throw new Error(`Could not load the map shapes (${res.status})`);
  return ((await res.json()) as MapFeatureCollection).features;
}

export function toLeafletBounds(box: Bounds): [[number, number], [number, number]] {
  return [
    [box.south, box.west],
    [box.north, box.east],
  ];
}

/** Where a popup points when the asset was not clicked: the point, a route's middle vertex, an area's middle. */
export function anchorOf(geometry: Geometry): [number, number] {
  const at = ([lon, lat]: Position): [number, number] => [lat, lon];
  switch (geometry.type) {
    case "Point":
      return at(geometry.coordinates);
    case "LineString":
      return at(geometry.coordinates[Math.floor(geometry.coordinates.length / 2)]!);
    case "MultiLineString": {
      const line = geometry.coordinates[0]!;
      return at(line[Math.floor(line.length / 2)]!);
    }
    default: {
      const box = boundsOf([geometry])!;
      return [(box.south + box.north) / 2, (box.west + box.east) / 2];
    }
  }
}
