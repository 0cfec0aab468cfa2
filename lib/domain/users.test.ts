import { describe, expect, it } from "vitest";
import { nextPathSchema, signInInputSchema, userInputSchema } from "./users";

describe("user inputs", () => {
  it("normalises emails and keeps only the scope that fits the role", () => {
    expect(userInputSchema.parse({ email: " Ann@Council.GOV.uk ", name: " Ann ", role: "officer", layers: ["bins", "bins"], assets: ["school-1"] })).toEqual({
      email: "ann@council.gov.uk",
      name: "Ann",
      role: "officer",
      layers: ["bins"],
      assets: [],
    });
    expect(userInputSchema.parse({ email: "a@b.org", name: "A", role: "admin", layers: ["bins"] })).toMatchObject({ layers: [], assets: [] });
  });

  it("asks officers for layers and site editors for assets", () => {
    const officer = userInputSchema.safeParse({ email: "a@b.org", name: "A", role: "officer" });
    expect(officer.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["layers", "Choose at least one layer this officer may change"]]);
    const site = userInputSchema.safeParse({ email: "not an email", name: "", role: "site" });
    expect(site.error?.issues.map((i) => i.path.join(".")).sort()).toEqual(["assets", "email", "name"]);
    expect(userInputSchema.safeParse({ email: "a@b.org", name: "A", role: "site", assets: ["school 1"] }).success).toBe(false);
  });

  it("accepts any email shape at sign-in, so the answer never hints at what exists", () => {
    expect(signInInputSchema.parse({ email: " Someone ", password: "x" })).toEqual({ email: "someone", password: "x" });
  });

  it("sends people back only to console paths on this site after signing in", () => {
    expect(nextPathSchema.parse("/console/audit?layer=schools")).toBe("/console/audit?layer=schools");
    expect(nextPathSchema.parse("/console")).toBe("/console");
    for (const unsafe of ["//evil.example", "https://evil.example/console", "/console//evil.example", "/consoles", "/\\evil", "/", undefined, ["/console"]]) {
      expect(nextPathSchema.parse(unsafe)).toBe("/console");
    }
  });
});
