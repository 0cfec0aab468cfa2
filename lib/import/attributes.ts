import type { AttributeValue } from "../domain/assets";

export const ATTRIBUTE_TEXT_MAX = 1000;
const ATTRIBUTE_KEY_MAX = 64;
const ATTRIBUTES_MAX = 100;
const LIST_ITEM_MAX = 200;
const LIST_MAX = 500;
/** Above this many distinct values, a merged field is dropped rather than listed (e.g. per-segment OBJECTIDs). */
export const MERGED_DISTINCT_MAX = 20;

export type Attributes = Record<string, AttributeValue>;

/** Notes each kind of clean-up once, however many rows it touched. */
export class AttributeNotes {
  private readonly notes = new Map<string, string>();
  add(key: string, message: string): void {
    if (!this.notes.has(key)) this.notes.set(key, message);
  }
  list(): string[] {
    return [...this.notes.values()];
  }
}

const cut = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** A file's value as a plain attribute value: text (bounded), a finite number, a boolean, null, or a list of text. */
export function attributeValue(value: unknown, field: string, notes: AttributeNotes): AttributeValue | undefined {
  if (value === null || value === undefined) return null;
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value === "boolean") return value;
  if (typeof value === "bigint") return value.toString();
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString().replace(/T00:00:00\.000Z$/, "");
  if (typeof value === "string") {
    const text = value.trim();
    if (text.length > ATTRIBUTE_TEXT_MAX) notes.add(`long:${field}`, `Values of ${field} were cut to ${ATTRIBUTE_TEXT_MAX} characters.`);
    return cut(text, ATTRIBUTE_TEXT_MAX);
  }
  if (Array.isArray(value) && value.every((item) => ["string", "number", "boolean"].includes(typeof item))) {
    return value.slice(0, LIST_MAX).map((item) => cut(String(item), LIST_ITEM_MAX));
  }
  if (typeof value === "object") {
    notes.add(`object:${field}`, `Values of ${field} are nested objects; they were kept as JSON text.`);
    return cut(JSON.stringify(value) ?? "", ATTRIBUTE_TEXT_MAX);
  }
  return undefined;
}

/** Attributes from a feature's properties, minus empty values and the fields `skip` says are used elsewhere. */
export function sanitiseAttributes(properties: Record<string, unknown>, skip: (field: string) => boolean, notes: AttributeNotes): Attributes {
  const attributes: Attributes = {};
  let count = 0;
  for (const [rawKey, raw] of Object.entries(properties)) {
    const key = rawKey.trim();
    if (!key || skip(rawKey)) continue;
    if (count >= ATTRIBUTES_MAX) {
      notes.add("too-many", `Only the first ${ATTRIBUTES_MAX} fields of each feature were kept as attributes.`);
      break;
    }
    const safeKey = key.length > ATTRIBUTE_KEY_MAX ? key.slice(0, ATTRIBUTE_KEY_MAX) : key;
    if (safeKey !== key) notes.add(`key:${key}`, `The field name "${cut(key, 80)}" was cut to ${ATTRIBUTE_KEY_MAX} characters.`);
    const value = attributeValue(raw, safeKey, notes);
    // An empty cell and a missing one mean the same; dropping both keeps re-imports of a CSV
    // (where every row has every column) from differing from the GeoJSON they came from.
    if (value === undefined || value === null) continue;
    attributes[safeKey] = value;
    count++;
  }
  return attributes;
}

/**
 * Attributes of features merged into one asset: a field with one value keeps it; one whose values
 * differ becomes the list of its distinct values, or is dropped when there are too many to be
 * useful, or when it is a per-feature id (OBJECTID), which means nothing for the whole asset.
 */
export function mergeAttributes(list: Attributes[], notes: AttributeNotes, isPartId: (key: string) => boolean): Attributes {
  if (list.length === 1) return list[0]!;
  const merged: Attributes = {};
  const keys = [...new Set(list.flatMap((attributes) => Object.keys(attributes)))];
  for (const key of keys) {
    const values = list.map((attributes) => attributes[key] ?? null);
    const distinct = [...new Set(values.filter((v) => v !== null).map((v) => (Array.isArray(v) ? v.join("; ") : String(v))))];
    if (distinct.length <= 1) merged[key] = values.find((v) => v !== null) ?? null;
    else if (isPartId(key)) continue;
    else if (distinct.length <= MERGED_DISTINCT_MAX) merged[key] = distinct.map((v) => cut(v, LIST_ITEM_MAX));
    else notes.add(`merged:${key}`, `${key} differs between the features merged into one asset (over ${MERGED_DISTINCT_MAX} values), so it was left out.`);
  }
  return merged;
}
