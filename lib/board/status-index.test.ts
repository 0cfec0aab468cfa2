import { describe, expect, it } from "vitest";
import { summarise } from "../summary/layer-summary";
import { applyToStatusIndex, buildStatusIndex, summaryInputs } from "./status-index";

const assets = [
  { id: "s1", layer: "schools" as const, status: { code: "open" } },
  { id: "s2", layer: "schools" as const, status: { code: "closed" } },
  { id: "s3", layer: "schools" as const, status: { code: "open" } },
  { id: "r1", layer: "gritting" as const, status: { code: "completed" } },
  { id: "r2", layer: "gritting" as const, status: { code: "not_scheduled" } },
];

describe("the status index behind the live summary", () => {
  it("keeps only assets off their layer's default, and summarises like the full list", () => {
    const index = buildStatusIndex(assets);
    expect(index.exceptions).toEqual({ schools: { s2: "closed" }, gritting: { r1: "completed" }, bins: {} });
    const fromIndex = summarise(summaryInputs(index)).map((s) => s.sentence);
    const fromAssets = summarise(assets.map((a) => ({ layer: a.layer, status: { code: a.status.code, category: a.status.code === "closed" ? "closed" as const : "ok" as const } }))).map((s) => s.sentence);
    expect(fromIndex).toEqual(fromAssets);
    expect(fromIndex).toEqual(["1 school closed", "1 of 2 routes gritted"]);
  });

  it("follows changes, including a return to the default, without touching the old index", () => {
    const before = buildStatusIndex(assets);
    const after = applyToStatusIndex(before, [
      { assetId: "s1", layer: "schools", status: { code: "late_opening" } },
      { assetId: "s2", layer: "schools", status: { code: "open" } },
      { assetId: "r2", layer: "gritting", status: { code: "completed" } },
    ]);
    expect(after.exceptions.schools).toEqual({ s1: "late_opening" });
    expect(before.exceptions.schools).toEqual({ s2: "closed" });
    expect(summarise(summaryInputs(after)).map((s) => s.sentence)).toEqual(["1 opening late", "2 of 2 routes gritted"]);
  });
});
