import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { auditToCsv } from "../audit/audit-csv";
import type { AuditChange } from "../domain/audit";
import type { AssetWithStatus, PublicStatus } from "../domain/status";
import { assetsToCsv as publicAssetsToCsv } from "../feeds/assets-csv";
import { siteLinks } from "../feeds/site-links";
import { assetsToCsv as adminAssetsToCsv } from "./to-csv";

// Finding 4: the admin export let `-1+cmd` (and the full-width forms) through as formulas, the audit
// CSV did not escape text that already started with an apostrophe, the public CSV missed the
// full-width forms. Every CSV now follows one rule, so every writer must agree on every case.
const FORMULA_SHAPED: [typed: string, cell: string][] = [
  ["=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"],
  ["+cmd", "'+cmd"],
  ["-cmd", "'-cmd"],
  ["-1+cmd", "'-1+cmd"],
  ["@SUM(A1)", "'@SUM(A1)"],
  ["\t=cmd", "'\t=cmd"],
  ["\r=cmd", "'\r=cmd"],
  ["＝cmd", "'＝cmd"],
  ["＋cmd", "'＋cmd"],
  ["－cmd", "'－cmd"],
  ["＠cmd", "'＠cmd"],
  // One more apostrophe, so reading the file back can always take exactly one off.
  ["'=cmd", "''=cmd"],
];
const PLAIN: string[] = ["Closed", "'quoted'", "1-2", "Ward = north"];

const status = (message: string): PublicStatus => ({
  code: "closed",
  label: "Closed",
  category: "closed",
  message,
  from: null,
  until: null,
  setAt: "2026-12-01T06:00:00.000Z",
  version: 1,
  upcoming: null,
});

function asset(index: number, text: string): AssetWithStatus {
  return {
    id: `school-${index}`,
    layer: "schools",
    name: text,
    geometry: { type: "Point", coordinates: [-2.32, 53.42] },
    attributes: { ward: text, note: text },
    status: status(text),
  };
}

function auditChange(index: number, text: string): AuditChange {
  return {
    seq: index + 1,
    at: Date.parse("2026-12-01T06:00:00Z") + index,
    assetId: `school-${index}`,
    assetName: text,
    layer: "schools",
    kind: "status",
    actor: { type: "user", id: "u1", name: text },
    ip: null,
    before: status("Open"),
    after: status(text),
    assetVersion: 1,
  };
}

type Rows = Record<string, string>[];
const readCsv = (csv: string): Rows => parse(csv, { columns: true, bom: true });
const cases = [...FORMULA_SHAPED, ...PLAIN.map((text): [string, string] => [text, text])];

describe("every CSV neutralises formula-shaped text the same way (finding 4)", () => {
  it.each([
    ["admin export (lat/lon)", () => readCsv(adminAssetsToCsv(cases.map(([typed], i) => asset(i, typed)), "latlon")), ["name", "status_message", "note"]],
    ["admin export (WKT)", () => readCsv(adminAssetsToCsv(cases.map(([typed], i) => asset(i, typed)), "wkt")), ["name", "status_message", "note"]],
    ["public CSV", () => readCsv(publicAssetsToCsv(cases.map(([typed], i) => asset(i, typed)), siteLinks("https://snow.example"))), ["name", "status_message", "ward"]],
    ["audit CSV", () => readCsv(auditToCsv(cases.map(([typed], i) => auditChange(i, typed)), [])).reverse(), ["asset_name", "after_message", "actor"]],
  ] as const)("%s", (_writer, rowsOf, columns) => {
    const rows: Rows = rowsOf();
    for (const column of columns) {
      expect(rows.map((row) => row[column]), column).toEqual(cases.map(([, cell]) => cell));
    }
  });

  it("leaves numbers alone: a negative longitude stays a number in the admin export", () => {
    const [row] = readCsv(adminAssetsToCsv([asset(0, "Ashdown")], "latlon"));
    expect(row).toMatchObject({ lat: "53.42", lon: "-2.32" });
  });
});
