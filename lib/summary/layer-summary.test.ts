import { describe, expect, it } from "vitest";
import { describeStatus } from "../domain/status-codes";
import type { Layer } from "../domain/layers";
import { summarise } from "./layer-summary";

const asset = (layer: Layer, code: string) => ({ layer, status: { code, category: describeStatus(layer, code).category } });
const many = (n: number, layer: Layer, code: string) => Array.from({ length: n }, () => asset(layer, code));

describe("summarise", () => {
  it("says what is disrupted per layer in one line each", () => {
    const summary = summarise([
      ...many(14, "schools", "closed"),
      ...many(3, "schools", "partially_open"),
      ...many(40, "schools", "open"),
      ...many(18, "gritting", "completed"),
      ...many(2, "gritting", "in_progress"),
      ...many(5, "gritting", "not_scheduled"),
      ...many(4, "bins", "delayed"),
      ...many(36, "bins", "normal"),
    ]);
    expect(summary.map((s) => s.sentence)).toEqual([
      "14 schools closed, 3 partially open",
      "18 of 25 routes gritted, 2 in progress",
      "Collections delayed in 4 areas",
    ]);
    expect(summary[0]).toMatchObject({ layer: "schools", total: 57, byCategory: { ok: 40, disrupted: 3, closed: 14 } });
  });

  it("says when all is well, in the singular where it should", () => {
    const summary = summarise([asset("schools", "open"), asset("bins", "normal"), asset("bins", "missed")]);
    expect(summary.map((s) => s.sentence)).toEqual(["The school is open", "Collections missed in 1 area"]);
    expect(summarise([])).toEqual([]);
  });
});
