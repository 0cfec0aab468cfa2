import { describe, expect, it } from "vitest";
import { embedDataAttributes, embedParamsSchema, embedQuery } from "./embed-params";
import { assetsInScope, assetsToList } from "./select-assets";

describe("embed parameters", () => {
  it("parses the query, with defaults, and refuses what it does not know", () => {
    expect(embedParamsSchema.parse({ layers: "schools,bins", view: "summary", limit: "5" })).toEqual({
      layers: ["schools", "bins"],
      view: "summary",
      theme: "light",
      limit: 5,
    });
    const bad = embedParamsSchema.safeParse({ layers: "roads", view: "tiles", theme: "pink", limit: "0", only: "closed" });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues.map((i) => i.path.join("."))).toEqual(["layers.0", "view", "only", "theme", "limit"]);
  });

  it("writes short, readable URLs and the same settings as data- attributes", () => {
    const params = { layers: ["schools" as const, "bins" as const], view: "list" as const, only: "disrupted" as const, area: "Sale & Ashton" };
    expect(embedQuery(params)).toBe("?layers=schools,bins&area=Sale+%26+Ashton&only=disrupted");
    expect(embedDataAttributes(params)).toEqual([
      ["data-layers", "schools,bins"],
      ["data-area", "Sale & Ashton"],
      ["data-only", "disrupted"],
    ]);
    expect(embedParamsSchema.parse(Object.fromEntries(new URLSearchParams(embedQuery(params).slice(1))))).toMatchObject(params);
    expect(embedQuery({ view: "list", theme: "light", limit: 20 })).toBe("");
  });
});

describe("what a widget shows", () => {
  const status = (category: "ok" | "disrupted" | "closed") => ({ category });
  const assets = [
    { id: "a", layer: "schools" as const, name: "Zeta", attributes: { ward: "Sale West" }, status: status("ok") },
    { id: "b", layer: "schools" as const, name: "Alpha", attributes: { ward: "sale west" }, status: status("disrupted") },
    { id: "c", layer: "schools" as const, name: "Beta", attributes: { ward: "Urmwood" }, status: status("closed") },
    { id: "d", layer: "bins" as const, name: "Round", attributes: { area: "Sale West" }, status: status("closed") },
  ];

  it("narrows to layers, ids and an area (ward or area attribute, any case)", () => {
    expect(assetsInScope(assets, { layers: ["schools"] }).map((a) => a.id)).toEqual(["a", "b", "c"]);
    expect(assetsInScope(assets, { area: "SALE WEST" }).map((a) => a.id)).toEqual(["a", "b", "d"]);
    expect(assetsInScope(assets, { ids: ["c", "d"], layers: ["schools"] }).map((a) => a.id)).toEqual(["c"]);
  });

  it("lists closed, then disrupted, then the rest by name, up to the limit", () => {
    expect(assetsToList(assets, { limit: 10 }).shown.map((a) => a.id)).toEqual(["c", "d", "b", "a"]);
    expect(assetsToList(assets, { limit: 2, only: "disrupted" })).toMatchObject({ total: 3, shown: [{ id: "c" }, { id: "d" }] });
  });
});
