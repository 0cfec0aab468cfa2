import { describe, expect, it } from "vitest";
import { EMPTY_FILTER, attributeLabel, filterableAttributes, matchesFilter } from "./asset-filter";
import { previewStatus, statusFromForm, type StatusFormValues } from "./status-form";
import type { PublicStatus } from "../domain/status";

const asset = (id: string, name: string, code: string, attributes: Record<string, unknown>) => ({ id, name, attributes, status: { code, message: "" } });
const schools = [
  asset("school-001", "Ashdown Primary", "open", { ward: "Sale Central", phase: "Primary", address: "1 High St", postcode: "M33 1AA" }),
  asset("school-002", "Brookfield High", "closed", { ward: "Sale Central", phase: "Secondary", address: "2 High St", postcode: "M33 1AB" }),
  asset("school-003", "Cedar Lane Infants", "open", { ward: "Altrincham", phase: "Primary", address: "3 Low Rd", postcode: "WA14 1AA" }),
];

describe("asset filter", () => {
  it("offers attributes that group assets, not ones unique to each", () => {
    expect(filterableAttributes(schools)).toEqual([
      { key: "phase", label: "Phase", values: ["Primary", "Secondary"] },
      { key: "ward", label: "Ward", values: ["Altrincham", "Sale Central"] },
    ]);
    expect(attributeLabel("collectionDay")).toBe("Collection day");
    expect(filterableAttributes([asset("r1", "R1", "x", { priority: 1 }), asset("r2", "R2", "x", { priority: 2 }), asset("r3", "R3", "x", { priority: 1 })])[0]).toEqual({
      key: "priority",
      label: "Priority",
      values: ["1", "2"],
    });
  });

  it("matches on status, attributes and every word of the search across name, id and attributes", () => {
    const ids = (filter: typeof EMPTY_FILTER) => schools.filter((s) => matchesFilter(s, filter)).map((s) => s.id);
    expect(ids(EMPTY_FILTER)).toHaveLength(3);
    expect(ids({ ...EMPTY_FILTER, code: "open" })).toEqual(["school-001", "school-003"]);
    expect(ids({ ...EMPTY_FILTER, attributes: { ward: "Sale Central" } })).toEqual(["school-001", "school-002"]);
    expect(ids({ ...EMPTY_FILTER, code: "open", attributes: { ward: "Sale Central" } })).toEqual(["school-001"]);
    expect(ids({ ...EMPTY_FILTER, search: "high M33" })).toEqual(["school-001", "school-002"]);
    expect(ids({ ...EMPTY_FILTER, search: "school-003" })).toEqual(["school-003"]);
  });
});

describe("status form", () => {
  const now = Date.parse("2026-12-01T05:30:00Z");
  const base: StatusFormValues = { code: "closed", message: "Closed due to snow.", startsLater: false, fromInput: "", untilPreset: "seven-tomorrow", untilInput: "" };

  it("resolves presets in UK time and reads typed times as UK time", () => {
    expect(statusFromForm(base, now)).toEqual({
      status: { code: "closed", message: "Closed due to snow.", from: null, until: "2026-12-02T07:00:00.000Z" },
      fieldErrors: [],
    });
    expect(statusFromForm({ ...base, untilPreset: "further-notice" }, now).status.until).toBeNull();
    const later = statusFromForm({ ...base, startsLater: true, fromInput: "2026-12-01T12:00", untilPreset: "custom", untilInput: "2026-12-01T15:30" }, now);
    expect(later.status).toMatchObject({ from: "2026-12-01T12:00:00.000Z", until: "2026-12-01T15:30:00.000Z" });
  });

  it("names a missing or past start and a missing end", () => {
    expect(statusFromForm({ ...base, startsLater: true, fromInput: "2026-12-01T05:00", untilPreset: "custom" }, now).fieldErrors).toEqual([
      { path: "from", message: "The start is in the past; choose Now, or a later time" },
      { path: "until", message: "Enter when it ends, as a date and time" },
    ]);
  });

  it("previews a status that starts now, and one that starts later as upcoming", () => {
    const current: PublicStatus = { code: "open", label: "Open", category: "ok", message: "", from: null, until: null, setAt: "2026-12-01T00:00:00.000Z", version: 4, upcoming: null };
    expect(previewStatus("schools", current, statusFromForm(base, now).status, now)).toEqual({
      code: "closed",
      label: "Closed",
      category: "closed",
      message: "Closed due to snow.",
      from: null,
      until: "2026-12-02T07:00:00.000Z",
      setAt: "2026-12-01T05:30:00.000Z",
      version: 5,
      upcoming: null,
    });
    const scheduled = previewStatus("schools", current, { code: "late_opening", message: "", from: "2026-12-02T06:00:00.000Z", until: null }, now);
    expect(scheduled).toMatchObject({ code: "open", upcoming: { label: "Opening late", from: "2026-12-02T06:00:00.000Z" } });
  });
});
