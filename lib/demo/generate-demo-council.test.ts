import { describe, expect, it } from "vitest";
import { assetSchema, type Asset } from "../domain/assets";
import { forEachPosition, type Position } from "../domain/geometry";
import { ValidationError } from "../domain/errors";
import { COLLECTION_DAYS } from "./bin-rounds";
import { BOROUGH_RING, DEMO_BOUNDS, DEMO_WARDS } from "./borough";
import { DEMO_COUNCIL_NAME, SCALE_PRESET, generateDemoCouncil } from "./generate-demo-council";
import { lineLengthKm } from "./line-length";
import { SCHOOL_PHASES } from "./names";
import { isInsideRing, signedArea, toPlane } from "./plane";

const demo = generateDemoCouncil();
const byLayer = (assets: Asset[], layer: Asset["layer"]) => assets.filter((asset) => asset.layer === layer);
const schools = byLayer(demo.assets, "schools");
const routes = byLayer(demo.assets, "gritting");
const rounds = byLayer(demo.assets, "bins");

const POSTCODE = /^(M16|M31|M32|M33|M41|WA13|WA14|WA15) \d[ABD-HJLNP-UW-Z]{2}$/;
const wardNames = DEMO_WARDS.map((ward) => ward.name);

function linesOf(asset: Asset): Position[][] {
  if (asset.geometry.type === "LineString") return [asset.geometry.coordinates];
  if (asset.geometry.type === "MultiLineString") return asset.geometry.coordinates;
  throw new Error(`${asset.id} is not a line`);
}

function outerRingOf(asset: Asset): Position[] {
  if (asset.geometry.type !== "Polygon") throw new Error(`${asset.id} is not a polygon`);
  return asset.geometry.coordinates[0]!;
}

const vertexCount = (asset: Asset) => linesOf(asset).reduce((sum, line) => sum + line.length, 0);
const areaOf = (ring: Position[]) => signedArea(ring.slice(0, -1).map(toPlane));

describe("generateDemoCouncil", () => {
  it("marks the council as demo data", () => {
    expect(demo.council.name).toBe(DEMO_COUNCIL_NAME);
    expect(demo.council.name).toMatch(/demo/i);
    expect(demo.council.isDemo).toBe(true);
  });

  it("has a closed boundary of 20–40 vertices inside the Trafford box", () => {
    const ring = demo.council.boundary.coordinates[0]!;
    expect(ring.length - 1).toBeGreaterThanOrEqual(20);
    expect(ring.length - 1).toBeLessThanOrEqual(40);
    expect(ring[0]).toEqual(ring[ring.length - 1]);
    expect(areaOf(ring)).toBeGreaterThan(50);
    for (const [lon, lat] of ring) expect(isInTraffordBox(lon, lat)).toBe(true);
  });

  it("makes the default numbers of each layer", () => {
    expect(schools).toHaveLength(60);
    expect(routes).toHaveLength(25);
    expect(rounds).toHaveLength(40);
  });

  it("makes only assets that pass the asset schema unchanged", () => {
    for (const asset of demo.assets) expect(assetSchema.parse(asset)).toEqual(asset);
  });

  it("gives unique, readable ids", () => {
    const ids = demo.assets.map((asset) => asset.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(schools[0]!.id).toBe("school-001");
    expect(routes[6]!.id).toBe("route-07");
    expect(rounds[11]!.id).toBe("round-12");
    for (const [list, pattern] of [[schools, /^school-\d{3}$/], [routes, /^route-\d{2}$/], [rounds, /^round-\d{2}$/]] as const) {
      for (const asset of list) expect(asset.id).toMatch(pattern);
    }
  });

  it("is the same council for the same seed", () => {
    expect(generateDemoCouncil({ seed: 7 })).toEqual(demo);
    expect(generateDemoCouncil({ seed: "winter" })).toEqual(generateDemoCouncil({ seed: "winter" }));
  });

  it("is a different council for a different seed", () => {
    const other = generateDemoCouncil({ seed: 8 });
    expect(other.assets.map((asset) => asset.geometry)).not.toEqual(demo.assets.map((asset) => asset.geometry));
    expect(other.assets.map((asset) => asset.name)).not.toEqual(demo.assets.map((asset) => asset.name));
  });

  it("keeps each layer's stream apart, so more routes leave schools and rounds as they were", () => {
    const moreRoutes = generateDemoCouncil({ routes: 30 });
    expect(byLayer(moreRoutes.assets, "schools")).toEqual(schools);
    expect(byLayer(moreRoutes.assets, "bins")).toEqual(rounds);
  });

  it("keeps every coordinate inside the Trafford box and every point and route inside the boundary", () => {
    for (const asset of demo.assets) {
      forEachPosition(asset.geometry, ([lon, lat]) => expect(isInTraffordBox(lon, lat), asset.id).toBe(true));
      if (asset.layer === "bins") continue;
      forEachPosition(asset.geometry, (position) => expect(isInsideRing(toPlane(position), BOROUGH_RING), asset.id).toBe(true));
    }
  });

  it("gives schools a phase, a ward and an address ending in their postcode", () => {
    expect(new Set(schools.map((school) => school.attributes.phase))).toEqual(new Set(SCHOOL_PHASES));
    for (const { attributes, name } of schools) {
      expect(wardNames).toContain(attributes.ward);
      expect(attributes.postcode).toMatch(POSTCODE);
      expect(attributes.address).toMatch(new RegExp(`^\\d+ [A-Z][a-z]+.* [A-Z][a-z]+, ${attributes.postcode}$`));
      expect(name).toMatch(/ (School|Academy|Centre|Sixth Form)$/);
    }
    expect(new Set(schools.map((school) => school.name)).size).toBe(schools.length);
  });

  it("draws gritting routes as winding lines of 80–200 vertices with a true lengthKm", () => {
    expect(new Set(routes.map((route) => route.attributes.priority))).toEqual(new Set([1, 2, 3]));
    routes.forEach((route, index) => {
      expect(route.attributes.routeNumber).toBe(index + 1);
      expect(route.name).toMatch(new RegExp(`^Route ${index + 1}: `));
      expect(vertexCount(route)).toBeGreaterThanOrEqual(80);
      expect(vertexCount(route)).toBeLessThanOrEqual(200);
      const lines = linesOf(route);
      const measured = lines.reduce((sum, line) => sum + lineLengthKm(line), 0);
      expect(route.attributes.lengthKm).toBeCloseTo(measured, 2);
      // Not straight: somewhere each stretch bends away from the chord between its ends.
      for (const line of lines) expect(widestBend(line), route.id).toBeGreaterThan(0.01);
    });
    // Main routes are the long ones.
    const meanLength = (priority: number) => {
      const list = routes.filter((route) => route.attributes.priority === priority);
      return list.reduce((sum, route) => sum + Number(route.attributes.lengthKm), 0) / list.length;
    };
    expect(meanLength(1)).toBeGreaterThan(meanLength(3));
  });

  it("gives every route exactly verticesPerRoute vertices when asked", () => {
    const council = generateDemoCouncil({ routes: 12, verticesPerRoute: 150, schools: 0, rounds: 0 });
    expect(council.assets).toHaveLength(12);
    for (const route of council.assets) expect(vertexCount(route)).toBe(150);
  });

  it("gives bin rounds a weekday, a ward, 5–15 streets and postcodes from the ward's district", () => {
    for (const { attributes } of rounds) {
      expect(COLLECTION_DAYS).toContain(attributes.collectionDay);
      const ward = DEMO_WARDS.find((candidate) => candidate.name === attributes.ward);
      expect(ward).toBeDefined();
      const streets = attributes.streets as string[];
      expect(streets.length).toBeGreaterThanOrEqual(5);
      expect(streets.length).toBeLessThanOrEqual(15);
      expect(new Set(streets).size).toBe(streets.length);
      const postcodes = attributes.postcodes as string[];
      expect(postcodes.length).toBeGreaterThan(0);
      for (const postcode of postcodes) {
        expect(postcode).toMatch(POSTCODE);
        expect(postcode.split(" ")[0]).toBe(ward!.postcodeDistrict);
      }
    }
  });

  it("tiles the borough with bin rounds: their areas add up to the boundary's, so nothing overlaps", () => {
    const boroughArea = areaOf(demo.council.boundary.coordinates[0]!);
    const areas = rounds.map((round) => areaOf(outerRingOf(round)));
    for (const area of areas) expect(area).toBeGreaterThan(0);
    expect(areas.reduce((sum, area) => sum + area, 0) / boroughArea).toBeCloseTo(1, 3);
    // Rounds are of a similar size, not a few huge ones and many slivers.
    expect(Math.max(...areas) / (boroughArea / rounds.length)).toBeLessThan(4);
  });

  it("refuses nonsense options with a ValidationError naming the field", () => {
    expect(() => generateDemoCouncil({ schools: -1 })).toThrow(ValidationError);
    expect(() => generateDemoCouncil({ verticesPerRoute: 1.5 })).toThrow(ValidationError);
    const error = thrownBy(() => generateDemoCouncil({ rounds: 10_000_000 }));
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fieldErrors.map((field) => field.path)).toEqual(["rounds"]);
  });
});

describe("SCALE_PRESET", () => {
  it("asks for 2,000 schools, 300 routes of 200 vertices and 600 rounds", () => {
    expect(SCALE_PRESET).toEqual({ schools: 2000, routes: 300, verticesPerRoute: 200, rounds: 600 });
  });

  // How long this takes is measured in bench/, not asserted here.
  it("generates at that scale, valid and inside the box", () => {
    const council = generateDemoCouncil(SCALE_PRESET);

    expect(byLayer(council.assets, "schools")).toHaveLength(2000);
    expect(byLayer(council.assets, "gritting")).toHaveLength(300);
    expect(byLayer(council.assets, "bins")).toHaveLength(600);
    for (const route of byLayer(council.assets, "gritting")) expect(vertexCount(route)).toBe(200);
    expect(new Set(council.assets.map((asset) => asset.id)).size).toBe(council.assets.length);
    expect(new Set(byLayer(council.assets, "schools").map((school) => school.name)).size).toBe(2000);
    for (const asset of council.assets) {
      assetSchema.parse(asset);
      forEachPosition(asset.geometry, ([lon, lat]) => expect(isInTraffordBox(lon, lat)).toBe(true));
    }
    const boroughArea = areaOf(council.council.boundary.coordinates[0]!);
    const roundsArea = byLayer(council.assets, "bins").reduce((sum, round) => sum + areaOf(outerRingOf(round)), 0);
    expect(roundsArea / boroughArea).toBeCloseTo(1, 3);
  });
});

/** Farthest any vertex lies from the straight line between the ends, as a share of that line's length. */
function widestBend(line: Position[]): number {
  const points = line.map(toPlane);
  const [ax, ay] = points[0]!;
  const [bx, by] = points[points.length - 1]!;
  const chord = Math.hypot(bx - ax, by - ay);
  const offChord = points.map(([x, y]) => Math.abs((bx - ax) * (ay - y) - (ax - x) * (by - ay)) / chord);
  return Math.max(...offChord) / chord;
}

function thrownBy(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error("Expected a throw");
}

function isInTraffordBox(lon: number, lat: number): boolean {
  return lon >= DEMO_BOUNDS.west && lon <= DEMO_BOUNDS.east && lat >= DEMO_BOUNDS.south && lat <= DEMO_BOUNDS.north;
}
