import { describe, expect, it } from "vitest";
import {
  clipRingToConvex,
  clipRingToHalfPlane,
  distanceToRing,
  isInsideRing,
  signedArea,
  toClosedRing,
  toPlane,
  toPosition,
  type Ring,
} from "./plane";

const square: Ring = [[0, 0], [2, 0], [2, 2], [0, 2]];

describe("plane", () => {
  it("maps positions to kilometres and back", () => {
    const position: [number, number] = [-2.3, 53.45];
    expect(toPosition(toPlane(position))).toEqual(position);
    // 0.1° of latitude is about 11.1 km anywhere.
    const [, y1] = toPlane([-2.3, 53.4]);
    const [, y2] = toPlane([-2.3, 53.5]);
    expect(y2 - y1).toBeCloseTo(11.12, 1);
  });

  it("measures signed area: positive counter-clockwise", () => {
    expect(signedArea(square)).toBe(4);
    expect(signedArea([...square].reverse())).toBe(-4);
  });

  it("tells inside from outside and measures distance to the edge", () => {
    expect(isInsideRing([1, 1], square)).toBe(true);
    expect(isInsideRing([3, 1], square)).toBe(false);
    expect(distanceToRing([1, 0.25], square)).toBeCloseTo(0.25);
  });

  it("clips to a half-plane", () => {
    const left = clipRingToHalfPlane(square, [1, 0], 0.5);
    expect(signedArea(left)).toBeCloseTo(1);
    expect(Math.max(...left.map(([x]) => x))).toBeCloseTo(0.5);
  });

  it("clips a concave ring to a convex one without losing or inventing area", () => {
    // An L shape: a 2×2 square with its top-right 1×1 corner missing.
    const lShape: Ring = [[0, 0], [2, 0], [2, 1], [1, 1], [1, 2], [0, 2]];
    const window: Ring = [[0.5, 0.5], [3, 0.5], [3, 3], [0.5, 3]];
    expect(Math.abs(signedArea(clipRingToConvex(lShape, window)))).toBeCloseTo(0.75 + 0.5);
  });

  it("writes closed, counter-clockwise GeoJSON rings", () => {
    const ring = toClosedRing([...square].reverse());
    expect(ring).toHaveLength(5);
    expect(ring[0]).toEqual(ring[4]);
    expect(signedArea(ring.slice(0, -1).map(toPlane))).toBeGreaterThan(0);
  });
});
