import { stringify, type Input, type Options } from "csv-stringify/sync";

// Spreadsheets run a cell that starts with one of these as a formula (OWASP "CSV injection"),
// Apple Numbers also with their full-width forms. Text that already starts with apostrophes before
// such a character gets one more, so the escape can always be undone exactly.
const FORMULA_START = /^'*[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/** Text that a spreadsheet would run as a formula gets a leading apostrophe, which it shows as text. */
export function neutraliseFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** Undoes neutraliseFormula, for code that reads a Snowline CSV back into the exact text. */
export function restoreFormula(value: string): string {
  return value.startsWith("'") && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value;
}

/**
 * The one way Snowline writes CSV: every text cell goes through neutraliseFormula; numbers are
 * written as numbers, so a negative longitude stays `-2.32`.
 */
export function stringifyCsv(input: Input, options: Omit<Options, "cast" | "escape_formulas"> = {}): string {
  return stringify(input, { ...options, cast: { string: neutraliseFormula } });
}
