import type { Asset } from "../domain/assets";
import type { LineString, MultiLineString } from "../domain/geometry";
import { DEMO_WARDS, isWellInside, randomPointInBorough, wardAt } from "./borough";
import { lineLengthKm } from "./line-length";
import { MAIN_ROAD_NUMBERS, SECONDARY_ROAD_NUMBERS, mainRoadName, secondaryRoadName } from "./names";
import { distance, lerp, toPosition, type Vec } from "./plane";
import { splitByShares, type Random } from "./random";
import { windingRoad } from "./winding-road";

type Priority = 1 | 2 | 3;

interface RouteShape {
  /** Straight-line span of each part, in km; for main roads, how far apart the ward centres they link are. */
  spanKm: readonly [min: number, max: number];
  wiggle: number;
  vertices: readonly [min: number, max: number];
  /** Chance that the route is several separate stretches (a MultiLineString). */
  splitChance: number;
}

// Main routes are long and fairly direct; lower priorities are shorter and twistier estate roads.
const SHAPES: Record<Priority, RouteShape> = {
  1: { spanKm: [4, 11], wiggle: 0.15, vertices: [140, 200], splitChance: 0 },
  2: { spanKm: [3, 6], wiggle: 0.16, vertices: [100, 180], splitChance: 0.2 },
  3: { spanKm: [1, 2.5], wiggle: 0.22, vertices: [80, 140], splitChance: 0.5 },
};

const MAIN_ROAD_SPAN_KM = SHAPES[1].spanKm;

export function buildGrittingRoutes(random: Random, count: number, verticesPerRoute?: number): Asset[] {
  const priorities = splitByShares<Priority>(count, [[1, 0.3], [2, 0.4], [3, 0.3]]);
  const roadsUsed: Record<Priority, number> = { 1: 0, 2: 0, 3: 0 };
  return priorities.map((priority, index): Asset => {
    const shape = SHAPES[priority];
    const vertexCount = verticesPerRoute ?? random.int(...shape.vertices);
    const partCount = random.next() < shape.splitChance ? random.int(2, 3) : 1;
    const parts = placeParts(random, priority, splitVertices(vertexCount, partCount));
    const routeNumber = index + 1;
    const lines = parts.map((part) => part.map(toPosition));
    const geometry: LineString | MultiLineString =
      lines.length === 1 ? { type: "LineString", coordinates: lines[0]! } : { type: "MultiLineString", coordinates: lines };
    const firstPart = parts[0]!;
    const ward = wardAt(firstPart[Math.floor(firstPart.length / 2)]!);
    const road = roadNumber(priority, roadsUsed[priority]++);
    return {
      id: `route-${String(routeNumber).padStart(2, "0")}`,
      layer: "gritting",
      name: `Route ${routeNumber}: ${routeDescription(random, priority, road, firstPart, ward.name)}`,
      geometry,
      attributes: {
        routeNumber,
        priority,
        road,
        ward: ward.name,
        lengthKm: Math.round(lines.reduce((sum, line) => sum + lineLengthKm(line), 0) * 100) / 100,
      },
    };
  });
}

/** Splits vertices between parts; a part never gets fewer than two. */
function splitVertices(vertexCount: number, partCount: number): number[] {
  const parts = Math.max(1, Math.min(partCount, Math.floor(vertexCount / 2)));
  const base = Math.floor(vertexCount / parts);
  return Array.from({ length: parts }, (_, index) => (index === parts - 1 ? vertexCount - base * (parts - 1) : base));
}

function placeParts(random: Random, priority: Priority, vertexCounts: number[]): Vec[][] {
  const parts: Vec[][] = [];
  for (const vertexCount of vertexCounts) parts.push(placeRoad(random, priority, vertexCount, parts[0]?.[0]));
  return parts;
}

function placeRoad(random: Random, priority: Priority, vertexCount: number, anchor: Vec | undefined): Vec[] {
  const shape = SHAPES[priority];
  for (let attempt = 0; ; attempt++) {
    // Each ten misses shrink the road, so a route always fits in the end, however awkward the spot.
    const scale = 0.8 ** Math.floor(attempt / 10);
    const [from, to] = proposeEnds(random, priority, anchor, scale);
    if (!isWellInside(from) || !isWellInside(to)) continue;
    const road = windingRoad(random, from, to, vertexCount, shape.wiggle);
    if (road.every((point) => isWellInside(point))) return road;
  }
}

/**
 * Main roads run between ward centres, as A-roads link town centres; secondary roads leave a ward
 * centre; estate roads are anywhere, and a split route's later stretches stay near its first.
 */
function proposeEnds(random: Random, priority: Priority, anchor: Vec | undefined, scale: number): [Vec, Vec] {
  const span = random.between(...SHAPES[priority].spanKm) * scale;
  if (priority === 1) {
    const start = random.pick(DEMO_WARDS);
    const ends = DEMO_WARDS.filter((ward) => {
      const gap = distance(start.centre, ward.centre);
      return gap >= MAIN_ROAD_SPAN_KM[0] && gap <= MAIN_ROAD_SPAN_KM[1];
    });
    const end = ends.length > 0 ? random.pick(ends) : start;
    const from = jitter(random, start.centre, 0.6);
    return [from, lerp(from, jitter(random, end.centre, 0.6), scale)];
  }
  const from =
    anchor !== undefined ? jitter(random, anchor, 1.5)
    : priority === 2 ? jitter(random, random.pick(DEMO_WARDS).centre, 1)
    : randomPointInBorough(random);
  return [from, offset(from, span, random.between(0, Math.PI * 2))];
}

function jitter(random: Random, point: Vec, radiusKm: number): Vec {
  return offset(point, radiusKm * Math.sqrt(random.next()), random.between(0, Math.PI * 2));
}

function offset([x, y]: Vec, distanceKm: number, bearing: number): Vec {
  return [x + distanceKm * Math.cos(bearing), y + distanceKm * Math.sin(bearing)];
}

function roadNumber(priority: Priority, rank: number): string | null {
  if (priority === 1) return MAIN_ROAD_NUMBERS[rank % MAIN_ROAD_NUMBERS.length]!;
  if (priority === 2) return SECONDARY_ROAD_NUMBERS[rank % SECONDARY_ROAD_NUMBERS.length]!;
  return null;
}

function routeDescription(random: Random, priority: Priority, road: string | null, line: Vec[], wardName: string): string {
  if (priority === 1) return `${road} ${mainRoadName(random)} ${compassSide(line)}`;
  if (priority === 2) return `${road} ${secondaryRoadName(random)}, ${wardName}`;
  return `${wardName} residential roads`;
}

/** Which side of the borough the route's middle lies on, relative to the plane's origin at its centre. */
function compassSide(line: Vec[]): string {
  const [x, y] = line[Math.floor(line.length / 2)]!;
  if (Math.abs(y) >= Math.abs(x)) return y >= 0 ? "north" : "south";
  return x >= 0 ? "east" : "west";
}
