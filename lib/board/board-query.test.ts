import { describe, expect, it } from "vitest";
import { boardHref, DEFAULT_BOARD_QUERY, listDependsOnStatuses, toSearchParams } from "./board-query";
import { parseBoardQuery } from "./board-query-schema";

describe("board query in the URL", () => {
  it("reads every setting from the query string", () => {
    expect(
      parseBoardQuery({ layer: ["bins", "schools"], only: "disrupted", sort: "changed", q: "  M33   7 ", page: "3", asset: "round-01" }),
    ).toEqual({ layers: ["schools", "bins"], onlyDisrupted: true, sort: "changed", q: "M33 7", page: 3, asset: "round-01" });
  });

  it("falls back to defaults for values it cannot use, instead of failing the page", () => {
    expect(parseBoardQuery({ layer: "roads", only: "all", sort: "random", page: "-2", asset: "<script>" })).toEqual(DEFAULT_BOARD_QUERY);
    expect(parseBoardQuery({ page: "2.5" }).page).toBe(1);
    expect(parseBoardQuery({ q: "x".repeat(500) }).q).toHaveLength(100);
  });

  it("takes the first of repeated single-valued parameters", () => {
    expect(parseBoardQuery({ sort: ["changed", "name"] }).sort).toBe("changed");
  });

  it("writes canonical, short links that parse back to the same state", () => {
    const query = { ...DEFAULT_BOARD_QUERY, layers: ["gritting" as const], q: "Chester Road", page: 2, asset: "route-01" };
    const href = boardHref(query);
    expect(href).toBe("/?layer=gritting&q=Chester+Road&page=2&asset=route-01");
    expect(parseBoardQuery(Object.fromEntries(new URLSearchParams(href.slice(2))))).toEqual(query);
    expect(boardHref(DEFAULT_BOARD_QUERY)).toBe("/");
    expect(toSearchParams({ ...DEFAULT_BOARD_QUERY, onlyDisrupted: true, sort: "changed" }).toString()).toBe("only=disrupted&sort=changed");
  });

  it("applies a patch on top of the current state", () => {
    expect(boardHref({ ...DEFAULT_BOARD_QUERY, q: "oak" }, { asset: "school-001" })).toBe("/?q=oak&asset=school-001");
  });

  it("knows when live changes can change which rows the list holds", () => {
    expect(listDependsOnStatuses(DEFAULT_BOARD_QUERY)).toBe(false);
    expect(listDependsOnStatuses({ ...DEFAULT_BOARD_QUERY, onlyDisrupted: true })).toBe(true);
    expect(listDependsOnStatuses({ ...DEFAULT_BOARD_QUERY, sort: "changed" })).toBe(true);
  });
});
