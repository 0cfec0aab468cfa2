import type { Bounds, Polygon, Position } from "../domain/geometry";
import { distance, distanceToRing, isInsideRing, toClosedRing, toPlane, type Ring, type Vec } from "./plane";
import type { Random } from "./random";

/** The box every demo coordinate falls in: roughly Trafford, Greater Manchester. */
export const DEMO_BOUNDS: Bounds = { west: -2.48, south: 53.37, east: -2.25, north: 53.48 };

/**
 * A hand-drawn outline that only roughly follows Trafford's shape (north tip by the ship canal,
 * a tail to the south-west), so the map looks familiar without shipping any real boundary data.
 */
const OUTLINE: readonly Position[] = [
  [-2.326, 53.479], [-2.312, 53.476], [-2.29, 53.469], [-2.27, 53.466], [-2.257, 53.46],
  [-2.268, 53.452], [-2.286, 53.446], [-2.299, 53.436], [-2.291, 53.428], [-2.277, 53.423],
  [-2.284, 53.416], [-2.3, 53.411], [-2.314, 53.405], [-2.304, 53.398], [-2.299, 53.388],
  [-2.292, 53.379], [-2.297, 53.373], [-2.312, 53.371], [-2.333, 53.373], [-2.36, 53.374],
  [-2.386, 53.378], [-2.41, 53.385], [-2.44, 53.39], [-2.469, 53.395], [-2.466, 53.404],
  [-2.452, 53.412], [-2.436, 53.42], [-2.42, 53.428], [-2.412, 53.44], [-2.404, 53.452],
  [-2.392, 53.46], [-2.372, 53.468], [-2.35, 53.475],
];

export const BOROUGH_RING: Ring = OUTLINE.map(toPlane);

export function boroughBoundary(): Polygon {
  return { type: "Polygon", coordinates: [toClosedRing(BOROUGH_RING)] };
}

export interface DemoWard {
  name: string;
  centre: Vec;
  /** Outward code, e.g. "M33". */
  postcodeDistrict: string;
  /** Sector digits used in this ward, e.g. 7 for "M33 7". */
  postcodeSectors: readonly number[];
}

// Made-up names; districts follow the real pattern across the borough so postcodes look right.
export const DEMO_WARDS: readonly DemoWard[] = [
  ward("Old Quay", [-2.285, 53.458], "M16", [0, 7, 9]),
  ward("Longford Vale", [-2.312, 53.446], "M32", [0, 8, 9]),
  ward("Urmwood", [-2.36, 53.452], "M41", [0, 8, 9]),
  ward("Flixmoor", [-2.395, 53.446], "M41", [5, 6, 7]),
  ward("Carrmere", [-2.425, 53.418], "M31", [4]),
  ward("Ashworth Green", [-2.34, 53.428], "M33", [2, 3, 4]),
  ward("Marsland Rise", [-2.305, 53.418], "M33", [5, 6, 7]),
  ward("Warrenby Moss", [-2.44, 53.4], "WA13", [9]),
  ward("Bowmere", [-2.355, 53.392], "WA14", [1, 2, 4, 5]),
  ward("Timbrook", [-2.305, 53.395], "WA15", [6, 7]),
  ward("Halebrook", [-2.322, 53.379], "WA15", [0, 8, 9]),
];

function ward(name: string, centre: Position, postcodeDistrict: string, postcodeSectors: number[]): DemoWard {
  return { name, centre: toPlane(centre), postcodeDistrict, postcodeSectors };
}

/** The ward whose centre is nearest, so ward, postcode and place always agree. */
export function wardAt(point: Vec): DemoWard {
  let nearest = DEMO_WARDS[0]!;
  for (const candidate of DEMO_WARDS) {
    if (distance(point, candidate.centre) < distance(point, nearest.centre)) nearest = candidate;
  }
  return nearest;
}

/** Keeps assets a little way in from the edge, so none sits on or across the boundary line. */
export const EDGE_MARGIN_KM = 0.15;

export function isWellInside(point: Vec, marginKm = EDGE_MARGIN_KM): boolean {
  return isInsideRing(point, BOROUGH_RING) && distanceToRing(point, BOROUGH_RING) >= marginKm;
}

const RING_BOX = BOROUGH_RING.reduce(
  (box, [x, y]) => ({ minX: Math.min(box.minX, x), minY: Math.min(box.minY, y), maxX: Math.max(box.maxX, x), maxY: Math.max(box.maxY, y) }),
  { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity },
);

/** The borough's box on the plane, counter-clockwise: the starting shape every partition cell is cut from. */
export const BOROUGH_BOX_RING: Ring = [
  [RING_BOX.minX, RING_BOX.minY],
  [RING_BOX.maxX, RING_BOX.minY],
  [RING_BOX.maxX, RING_BOX.maxY],
  [RING_BOX.minX, RING_BOX.maxY],
];

export function randomPointInBorough(random: Random): Vec {
  // The outline fills about half its box, so rejection sampling needs only a couple of tries.
  for (;;) {
    const point: Vec = [random.between(RING_BOX.minX, RING_BOX.maxX), random.between(RING_BOX.minY, RING_BOX.maxY)];
    if (isWellInside(point)) return point;
  }
}
