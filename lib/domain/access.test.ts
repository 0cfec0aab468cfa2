import { describe, expect, it } from "vitest";
import {
  auditLayers,
  canChangeAsset,
  canManageNotices,
  canViewAudit,
  describeScope,
  mayWorkOnLayer,
  refuseChanges,
  type Access,
} from "./access";

const user = (name: string) => ({ type: "user" as const, id: name, name });
const admin: Access = { actor: user("Ada"), role: "admin", layers: null, assets: null };
const binsOfficer: Access = { actor: user("Bob"), role: "officer", layers: ["bins"], assets: null };
const headTeacher: Access = { actor: user("Hal"), role: "site", layers: null, assets: ["school-001"] };
const schoolsToken: Access = { actor: { type: "token", id: "t1", name: "newsroom" }, role: "officer", layers: ["schools"], assets: null };

const school1 = { id: "school-001", layer: "schools" as const, name: "Ashdown Primary" };
const school2 = { id: "school-002", layer: "schools" as const, name: "Brookfield High" };
const round = { id: "round-1", layer: "bins" as const };

describe("access", () => {
  it("lets admins change anything", () => {
    expect([school1, school2, round].every((a) => canChangeAsset(admin, a))).toBe(true);
    expect(refuseChanges(admin, [school1, round])).toBeNull();
  });

  it("limits officers to their layers", () => {
    expect(canChangeAsset(binsOfficer, round)).toBe(true);
    expect(canChangeAsset(binsOfficer, school1)).toBe(false);
    expect(mayWorkOnLayer(binsOfficer, "schools")).toBe(false);
    expect(mayWorkOnLayer(binsOfficer, "bins")).toBe(true);
  });

  it("limits site editors to their named assets, whatever the layer", () => {
    expect(canChangeAsset(headTeacher, school1)).toBe(true);
    expect(canChangeAsset(headTeacher, school2)).toBe(false);
    expect(mayWorkOnLayer(headTeacher, "schools", [school1, school2])).toBe(true);
    expect(mayWorkOnLayer(headTeacher, "bins", [round])).toBe(false);
  });

  it("limits tokens to their layers", () => {
    expect(canChangeAsset(schoolsToken, school2)).toBe(true);
    expect(canChangeAsset(schoolsToken, round)).toBe(false);
  });

  it("names what was refused and what the caller may change", () => {
    expect(refuseChanges(headTeacher, [school1, school2])).toBe(
      "Your account may change only the asset school-001; it may not change Brookfield High (school-002). Nothing was stored.",
    );
    expect(refuseChanges(binsOfficer, [round, school1])).toBe(
      "Your account may change bin collections; it may not change Ashdown Primary (school-001). Nothing was stored.",
    );
    expect(refuseChanges(schoolsToken, [round])).toMatch(/^The API token "newsroom" may change schools; it may not change round-1/);
    const many = Array.from({ length: 8 }, (_, i) => ({ id: `round-${i}`, layer: "bins" as const }));
    expect(refuseChanges(schoolsToken, many)).toMatch(/round-4 and 3 more\. Nothing was stored\.$/);
    expect(describeScope({ ...binsOfficer, layers: ["schools", "gritting", "bins"] })).toBe("schools, gritting routes and bin collections");
  });

  it("lets officers post notices only when the setting allows it; site editors never", () => {
    expect(canManageNotices(admin, { officersMayPostNotices: false })).toBe(true);
    expect(canManageNotices(binsOfficer, { officersMayPostNotices: false })).toBe(false);
    expect(canManageNotices(binsOfficer, { officersMayPostNotices: true })).toBe(true);
    expect(canManageNotices(headTeacher, { officersMayPostNotices: true })).toBe(false);
  });

  it("shows officers the audit trail of their layers only, and site editors none", () => {
    expect(auditLayers(admin)).toBeNull();
    expect(auditLayers(binsOfficer)).toEqual(["bins"]);
    expect(canViewAudit(headTeacher)).toBe(false);
  });
});
