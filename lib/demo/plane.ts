import type { Position } from "../domain/geometry";

/**
 * Shapes are drawn on a flat plane in kilometres around the borough's middle, so "200 m" and
 * angles mean the same thing in every direction; at this size the distortion is negligible.
 */
export type Vec = [x: number, y: number];
/** An open ring: the first vertex is not repeated at the end. */
export type Ring = Vec[];

const ORIGIN: Position = [-2.365, 53.425];
const KM_PER_DEGREE_LAT = 111.195;
const KM_PER_DEGREE_LON = KM_PER_DEGREE_LAT * Math.cos((ORIGIN[1] * Math.PI) / 180);
// Six decimals is about 10 cm: plenty for a map, and it keeps the payload small.
const COORDINATE_SCALE = 1e6;

export function toPlane([lon, lat]: Position): Vec {
  return [(lon - ORIGIN[0]) * KM_PER_DEGREE_LON, (lat - ORIGIN[1]) * KM_PER_DEGREE_LAT];
}

export function toPosition([x, y]: Vec): Position {
  return [round(ORIGIN[0] + x / KM_PER_DEGREE_LON), round(ORIGIN[1] + y / KM_PER_DEGREE_LAT)];
}

/** A closed GeoJSON ring, counter-clockwise as RFC 7946 asks of exterior rings. */
export function toClosedRing(ring: Ring): Position[] {
  const ccw = signedArea(ring) < 0 ? [...ring].reverse() : ring;
  // Clipping can leave vertices a hair apart that rounding then makes identical; drop the repeats.
  const positions = ccw.map(toPosition).filter((position, index, all) => !samePosition(position, all[(index + 1) % all.length]!));
  return [...positions, positions[0]!];
}

function samePosition(a: Position, b: Position): boolean {
  return a[0] === b[0] && a[1] === b[1];
}

function round(value: number): number {
  return Math.round(value * COORDINATE_SCALE) / COORDINATE_SCALE;
}

export function distance([ax, ay]: Vec, [bx, by]: Vec): number {
  return Math.hypot(bx - ax, by - ay);
}

export function lerp([ax, ay]: Vec, [bx, by]: Vec, t: number): Vec {
  return [ax + (bx - ax) * t, ay + (by - ay) * t];
}

/** Positive for counter-clockwise rings. */
export function signedArea(ring: Ring): number {
  let twiceArea = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    twiceArea += xj * yi - xi * yj;
  }
  return twiceArea / 2;
}

export function isInsideRing([x, y]: Vec, ring: Ring): boolean {
  let isInside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) isInside = !isInside;
  }
  return isInside;
}

export function distanceToRing(point: Vec, ring: Ring): number {
  let nearest = Infinity;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    nearest = Math.min(nearest, distanceToSegment(point, ring[j]!, ring[i]!));
  }
  return nearest;
}

function distanceToSegment(point: Vec, a: Vec, b: Vec): number {
  const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
  const lengthSquared = dx * dx + dy * dy;
  const t = lengthSquared === 0 ? 0 : ((point[0] - a[0]) * dx + (point[1] - a[1]) * dy) / lengthSquared;
  return distance(point, lerp(a, b, Math.max(0, Math.min(1, t))));
}

/**
 * Keeps the part of `ring` where `normal · p <= offset` (Sutherland–Hodgman). A concave ring cut
 * in two comes back joined by a zero-width seam along the cut; it adds no area, so it is harmless here.
 */
export function clipRingToHalfPlane(ring: Ring, normal: Vec, offset: number): Ring {
  const side = ([x, y]: Vec) => normal[0] * x + normal[1] * y - offset;
  const clipped: Ring = [];
  for (let i = 0; i < ring.length; i++) {
    const current = ring[i]!;
    const previous = ring[(i + ring.length - 1) % ring.length]!;
    const [sideCurrent, sidePrevious] = [side(current), side(previous)];
    if (sideCurrent <= 0) {
      if (sidePrevious > 0) clipped.push(lerp(previous, current, sidePrevious / (sidePrevious - sideCurrent)));
      clipped.push(current);
    } else if (sidePrevious <= 0) {
      clipped.push(lerp(previous, current, sidePrevious / (sidePrevious - sideCurrent)));
    }
  }
  return clipped;
}

/** Clips any ring to a convex counter-clockwise one. */
export function clipRingToConvex(ring: Ring, convex: Ring): Ring {
  let clipped = ring;
  for (let i = 0; i < convex.length && clipped.length > 0; i++) {
    const a = convex[i]!;
    const b = convex[(i + 1) % convex.length]!;
    // The outward normal of a counter-clockwise edge points to its right.
    const normal: Vec = [b[1] - a[1], a[0] - b[0]];
    clipped = clipRingToHalfPlane(clipped, normal, normal[0] * a[0] + normal[1] * a[1]);
  }
  return clipped;
}
