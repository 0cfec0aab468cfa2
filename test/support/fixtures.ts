import type { Asset } from "../../lib/domain/assets";
import type { Actor, Change } from "../../lib/domain/change";

export const TEST_ACTOR: Actor = { type: "token", id: "test-token", name: "Test token" };

/** A small council: three schools, a gritting route and a bin round, around Sale in Trafford. */
export function sampleAssets(): Asset[] {
  return [
    school("school-1", "Ashdown Primary", -2.32, 53.42),
    school("school-2", "Brookfield High", -2.31, 53.43),
    school("school-3", "Cedar Lane Infants", -2.3, 53.44),
    {
      id: "route-1",
      layer: "gritting",
      name: "Route 1: Washway Road",
      geometry: { type: "LineString", coordinates: [[-2.33, 53.42], [-2.32, 53.425], [-2.31, 53.43]] },
      attributes: { priority: 1 },
    },
    {
      id: "round-1",
      layer: "bins",
      name: "Monday round, Sale West",
      geometry: {
        type: "Polygon",
        coordinates: [[[-2.34, 53.41], [-2.33, 53.41], [-2.33, 53.42], [-2.34, 53.42], [-2.34, 53.41]]],
      },
      attributes: { collectionDay: "Monday", streets: ["Ashfield Road"], postcodes: ["M33 7AA"] },
    },
  ];
}

export function school(id: string, name: string, lon: number, lat: number): Asset {
  return { id, layer: "schools", name, geometry: { type: "Point", coordinates: [lon, lat] }, attributes: { ward: "Sale West" } };
}

export const T0 = Date.parse("2026-12-01T05:30:00Z");

/** A public status for tests that build changes by hand: a school closed at 06:00 on 1 December. */
export function closedStatus(overrides: Partial<Change["status"]> = {}): Change["status"] {
  return {
    code: "closed",
    label: "Closed",
    category: "closed",
    message: "",
    from: null,
    until: null,
    setAt: "2026-12-01T06:00:00.000Z",
    version: 1,
    upcoming: null,
    ...overrides,
  };
}

/** A public change for tests that build change streams by hand. */
export function publicChange(seq: number, overrides: Partial<Change> = {}): Change {
  return {
    seq,
    assetId: `a${seq}`,
    layer: "schools",
    kind: "set",
    at: "2026-12-01T06:00:00.000Z",
    status: closedStatus(),
    ...overrides,
  };
}
