import { restoreFormula } from "../export/csv-cell";

/** Values that spreadsheets and R write for "nothing". */
const NULL_WORDS = /^(NA|N\/A|#N\/A|NULL)$/i;
// A plain decimal number with no leading zeros or plus sign, so codes such as "0161" or "+44" stay text.
const PLAIN_NUMBER = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/;

/** Turns a text cell (CSV, KML ExtendedData) into the value it plainly means: null, a number, a list of text, or the text. */
export function valueFromText(text: string): string | number | string[] | null {
  // Snowline's CSV export guards cells that spreadsheets would run as formulas with an apostrophe.
  const value = restoreFormula(text.trim());
  if (value === "" || NULL_WORDS.test(value)) return null;
  if (value.startsWith('["') && value.endsWith("]")) {
    // How Snowline's exports write a list (e.g. a bin round's streets), so it comes back as a list.
    const list = parseStringList(value);
    if (list) return list;
  }
  if (PLAIN_NUMBER.test(value)) {
    const number = Number(value);
    if (Number.isFinite(number) && (!Number.isInteger(number) || Number.isSafeInteger(number))) return number;
  }
  return value;
}

/** Reads a coordinate cell; null when it is not a finite number. */
export function numberFromText(text: string): number | null {
  const value = text.trim();
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(value)) return null;
  const number = Number(value);
  return Number.isFinite(number) ? number : null;
}

function parseStringList(text: string): string[] | null {
  try {
    const parsed: unknown = JSON.parse(text);
    return Array.isArray(parsed) && parsed.every((item) => typeof item === "string") ? parsed : null;
  } catch {
    return null;
  }
}
