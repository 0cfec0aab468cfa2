import { stringify } from "csv-stringify/sync";
import { boundsOf } from "../domain/geometry";
import type { AssetWithStatus } from "../read-model";
import type { SiteLinks } from "./site-links";

export const ASSET_CSV_COLUMNS = [
  "id",
  "layer",
  "name",
  "ward",
  "longitude",
  "latitude",
  "status_code",
  "status_label",
  "status_category",
  "status_message",
  "status_from",
  "status_until",
  "status_updated",
  "status_version",
  "upcoming_code",
  "upcoming_from",
  "url",
] as const;

// Spreadsheets run a cell that starts with one of these as a formula (OWASP "CSV injection").
// Text that already starts with apostrophes before such a character gets one more, so the
// escape can always be undone exactly.
const FORMULA_START = /^'*[=+\-@\t\r]/;

/** Text cells that a spreadsheet would treat as a formula get a leading apostrophe, which it shows as text. */
export function neutraliseFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** Undoes neutraliseFormula, for code that reads the CSV back into the exact text. */
export function restoreFormula(value: string): string {
  return value.startsWith("'") && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value;
}

const text = (value: unknown): string => (typeof value === "string" ? neutraliseFormula(value) : "");

/** One row per asset with its current status; a point for every geometry (the middle of its bounds). */
export function assetsToCsv(assets: AssetWithStatus[], links: SiteLinks): string {
  const rows = assets.map((asset) => {
    const box = boundsOf([asset.geometry]);
    const round = (n: number) => Math.round(n * 1e6) / 1e6;
    return [
      text(asset.id),
      asset.layer,
      text(asset.name),
      text(asset.attributes.ward ?? asset.attributes.area),
      box ? round((box.west + box.east) / 2) : "",
      box ? round((box.south + box.north) / 2) : "",
      asset.status.code,
      text(asset.status.label),
      asset.status.category,
      text(asset.status.message),
      asset.status.from ?? "",
      asset.status.until ?? "",
      asset.status.setAt,
      asset.status.version,
      asset.status.upcoming?.code ?? "",
      asset.status.upcoming?.from ?? "",
      links.asset(asset.id),
    ];
  });
  // Excel reads UTF-8 correctly only with a byte-order mark.
  return stringify([[...ASSET_CSV_COLUMNS], ...rows], { bom: true, quoted_string: true, record_delimiter: "\r\n" });
}
