import { describe, expect, it } from "vitest";
import { normaliseText, searchAsset, type SearchableAsset } from "./asset-search";

const school: SearchableAsset = {
  layer: "schools",
  name: "St Mary's C of E Primary School",
  attributes: { phase: "Primary", postcode: "M33 4PL" },
};
const route: SearchableAsset = { layer: "gritting", name: "Route 1: A56 Chester Road east", attributes: { road: "A56" } };
const round: SearchableAsset = {
  layer: "bins",
  name: "Old Quay Monday round 1",
  attributes: { streets: ["Marbury Mews", "Larkbank Street", "Lock Road"], postcodes: ["M16 9EA", "M16 9GG"] },
};

describe("searching assets", () => {
  it("finds schools and roads by any words of their name, in any order and case", () => {
    expect(searchAsset(school, "st marys")).toEqual({ field: "name" });
    expect(searchAsset(school, "PRIMARY mary")).toEqual({ field: "name" });
    expect(searchAsset(route, "chester rd")).toBeNull();
    expect(searchAsset(route, "chester road")).toEqual({ field: "name" });
    expect(searchAsset(route, "a56")).toEqual({ field: "name" });
  });

  it("finds bin rounds by a street and says which street matched", () => {
    expect(searchAsset(round, "larkbank")).toEqual({ field: "street", text: "Larkbank Street" });
    expect(searchAsset(round, "lock road")).toEqual({ field: "street", text: "Lock Road" });
    // All words must be in one street, not spread over several.
    expect(searchAsset(round, "lock mews")).toBeNull();
  });

  it("finds rounds and schools by postcode, with or without the space, full or partial", () => {
    expect(searchAsset(round, "M16 9GG")).toEqual({ field: "postcode", text: "M16 9GG" });
    expect(searchAsset(round, "m169gg")).toEqual({ field: "postcode", text: "M16 9GG" });
    expect(searchAsset(round, "M16 9")).toEqual({ field: "postcode", text: "M16 9EA" });
    expect(searchAsset(school, "m33 4pl")).toEqual({ field: "postcode", text: "M33 4PL" });
    expect(searchAsset(round, "M17")).toBeNull();
  });

  it("matches everything for an empty query and nothing for an unrelated one", () => {
    expect(searchAsset(round, "   ")).toEqual({ field: "name" });
    expect(searchAsset(round, "zebra crossing")).toBeNull();
  });

  it("ignores accents and punctuation", () => {
    expect(normaliseText("  Café   St. Mary’s ")).toBe("cafe st marys");
  });
});
