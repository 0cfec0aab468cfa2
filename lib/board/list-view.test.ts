import { describe, expect, it } from "vitest";
import type { Layer } from "../domain/layers";
import type { PublicStatus } from "../domain/status";
import { DEFAULT_BOARD_QUERY } from "./board-query";
import { buildListView, type ListSource } from "./list-view";

const status = (code: string, category: PublicStatus["category"], setAt: string): PublicStatus => ({
  code, label: code, category, message: "", from: null, until: null, setAt, version: 1, upcoming: null,
});
const asset = (id: string, layer: Layer, name: string, s: PublicStatus, attributes: Record<string, unknown> = {}): ListSource => ({
  id, layer, name, attributes, status: s,
});

const assets: ListSource[] = [
  asset("s2", "schools", "School 10", status("closed", "closed", "2026-12-01T06:10:00Z")),
  asset("s1", "schools", "School 2", status("open", "ok", "2026-12-01T05:00:00Z")),
  asset("s3", "schools", "Abbey School", status("late_opening", "disrupted", "2026-12-01T06:30:00Z")),
  asset("r1", "gritting", "Route 1: A56", status("completed", "ok", "2026-12-01T04:00:00Z"), { priority: 1, lengthKm: 8.2 }),
  asset("b1", "bins", "Old Quay Monday round 1", status("delayed", "disrupted", "2026-12-01T06:00:00Z"), {
    streets: ["Lock Road"], postcodes: ["M16 9EA"], collectionDay: "Monday", ward: "Old Quay",
  }),
];

const ids = (groups: ReturnType<typeof buildListView>) => groups.map((g) => [g.layer, g.items.map((i) => i.id)]);

describe("the list view", () => {
  it("groups by layer and sorts names naturally (2 before 10)", () => {
    const groups = buildListView(assets, DEFAULT_BOARD_QUERY);
    expect(ids(groups)).toEqual([["schools", ["s3", "s1", "s2"]], ["gritting", ["r1"]], ["bins", ["b1"]]]);
    expect(groups[1]!.items[0]!.detail).toBe("Priority 1 route · 8.2 km");
  });

  it("keeps only disruptions and closures when asked", () => {
    const groups = buildListView(assets, { ...DEFAULT_BOARD_QUERY, onlyDisrupted: true });
    expect(ids(groups)).toEqual([["schools", ["s3", "s2"]], ["gritting", []], ["bins", ["b1"]]]);
    expect(groups.map((g) => [g.total, g.matching])).toEqual([[3, 2], [1, 0], [1, 1]]);
  });

  it("sorts by last change, newest first", () => {
    const groups = buildListView(assets, { ...DEFAULT_BOARD_QUERY, sort: "changed", layers: ["schools"] });
    expect(ids(groups)).toEqual([["schools", ["s3", "s2", "s1"]]]);
  });

  it("searches and tells which street or postcode matched a round", () => {
    const [bins] = buildListView(assets, { ...DEFAULT_BOARD_QUERY, layers: ["bins"], q: "m16 9ea" });
    expect(bins!.items[0]!.match).toEqual({ field: "postcode", text: "M16 9EA" });
    const groups = buildListView(assets, { ...DEFAULT_BOARD_QUERY, q: "lock road" });
    expect(ids(groups)).toEqual([["schools", []], ["gritting", []], ["bins", ["b1"]]]);
  });

  it("shows a short first page per layer in the overview and a long one for a single layer", () => {
    const many = Array.from({ length: 130 }, (_, i) => asset(`s${i}`, "schools", `School ${i + 1}`, status("open", "ok", "2026-12-01T05:00:00Z")));
    const [overview] = buildListView(many, DEFAULT_BOARD_QUERY);
    expect([overview!.items.length, overview!.matching, overview!.pageCount]).toEqual([20, 130, 7]);
    const [single] = buildListView(many, { ...DEFAULT_BOARD_QUERY, layers: ["schools"] });
    expect([single!.items.length, single!.pageCount]).toEqual([100, 2]);
  });

  it("pages through one layer and clamps a page past the end", () => {
    const many = Array.from({ length: 25 }, (_, i) => asset(`s${i}`, "schools", `School ${i + 1}`, status("open", "ok", "2026-12-01T05:00:00Z")));
    const page2 = buildListView(many, { ...DEFAULT_BOARD_QUERY, layers: ["schools"], page: 2 }, 10)[0]!;
    expect([page2.page, page2.pageCount, page2.items[0]!.name, page2.items.length]).toEqual([2, 3, "School 11", 10]);
    expect(buildListView(many, { ...DEFAULT_BOARD_QUERY, layers: ["schools"], page: 9 }, 10)[0]!.page).toBe(3);
    // With several layers each shows its first page, whatever the page parameter says.
    expect(buildListView(many, { ...DEFAULT_BOARD_QUERY, page: 2 }, 10)[0]!.page).toBe(1);
  });
});
