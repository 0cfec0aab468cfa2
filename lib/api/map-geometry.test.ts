import { describe, expect, it } from "vitest";
import { generateDemoCouncil } from "../demo/generate-demo-council";
import { forEachPosition, geometrySchema, type Geometry } from "../domain/geometry";
import { toMapFeatureCollection, toMapGeometry } from "./map-geometry";

const countPositions = (g: Geometry) => {
  let n = 0;
  forEachPosition(g, () => n++);
  return n;
};

describe("light map geometry", () => {
  const { assets } = generateDemoCouncil({ schools: 5, routes: 10, rounds: 8 });

  it("keeps every shape valid GeoJSON, with far fewer vertices on winding roads", () => {
    const collection = toMapFeatureCollection(assets);
    expect(collection.features).toHaveLength(assets.length);
    let before = 0;
    let after = 0;
    for (const [i, feature] of collection.features.entries()) {
      expect(geometrySchema.safeParse(feature.geometry).success).toBe(true);
      expect(feature.geometry.type).toBe(assets[i]!.geometry.type);
      before += countPositions(assets[i]!.geometry);
      after += countPositions(feature.geometry);
    }
    expect(after).toBeLessThan(before * 0.7);
  });

  it("rounds to 5 decimals and never moves a point by more than the rounding", () => {
    const point = toMapGeometry({ type: "Point", coordinates: [-2.3627812345, 53.4338419876] });
    expect(point).toEqual({ type: "Point", coordinates: [-2.36278, 53.43384] });
  });

  it("keeps a road's ends where they were", () => {
    const road = assets.find((a) => a.geometry.type === "LineString")!.geometry as Extract<Geometry, { type: "LineString" }>;
    const simplified = toMapGeometry(road) as typeof road;
    const round = (n: number) => Math.round(n * 1e5) / 1e5;
    expect(simplified.coordinates[0]).toEqual(road.coordinates[0]!.map(round));
    expect(simplified.coordinates.at(-1)).toEqual(road.coordinates.at(-1)!.map(round));
  });

  it("carries gritting priority for line weights, and nothing else", () => {
    const features = toMapFeatureCollection(assets).features;
    expect(features.find((f) => f.properties.layer === "gritting")!.properties.priority).toBeTypeOf("number");
    expect(features.find((f) => f.properties.layer === "schools")!.properties).toEqual({ layer: "schools" });
  });
});
