import { describe, expect, it } from "vitest";
import { contrastRatio, isHexColour, relativeLuminance } from "./contrast";

describe("WCAG contrast", () => {
  it("matches the published extremes and known pairs", () => {
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrastRatio("#ffffff", "#ffffff")).toBeCloseTo(1, 5);
    // GOV.UK blue on white is 5.17:1; the default orange link colour #ff8800 fails AA at ~2.4:1.
    expect(contrastRatio("#1d70b8", "#ffffff")).toBeCloseTo(5.17, 1);
    expect(contrastRatio("#ff8800", "#ffffff")).toBeLessThan(3);
  });

  it("accepts only #rrggbb", () => {
    expect(isHexColour("#1D70B8")).toBe(true);
    expect(isHexColour("1d70b8")).toBe(false);
    expect(isHexColour("#fff")).toBe(false);
    expect(() => relativeLuminance("red")).toThrow(/#rrggbb/);
  });
});
