import type { Layer } from "../domain/layer-names";

/** What search reads of an asset: its name, and streets and postcodes from its attributes. */
export interface SearchableAsset {
  layer: Layer;
  name: string;
  attributes: Record<string, unknown>;
}

/** Why an asset matched; a street or postcode is shown beside the result so the match makes sense. */
export type SearchMatch = { field: "name" } | { field: "street" | "postcode"; text: string };

/** Lower case, accents and punctuation dropped: "St Mary's" finds "St Marys" and "st. mary's". */
export function normaliseText(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[’'`.,]/g, "")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

const compactPostcode = (text: string) => text.toUpperCase().replace(/[^A-Z0-9]/g, "");
// An outward code with at least its first digit, e.g. "M3", "WA15", "M33 7AB": never a plain word.
const POSTCODE_LIKE = /^[A-Z]{1,2}[0-9][A-Z0-9]{0,5}$/;

function stringsOf(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === "string");
  return [];
}

function hasAllWords(haystack: string, words: string[]): boolean {
  return words.every((word) => haystack.includes(word));
}

/**
 * Whether an asset matches what a resident typed: every word in its name, or in one of its
 * streets, or the text is the start of one of its postcodes (spaces and case ignored).
 * Returns null for no match; an empty query matches everything.
 */
export function searchAsset(asset: SearchableAsset, query: string): SearchMatch | null {
  const words = normaliseText(query).split(" ").filter(Boolean);
  if (!words.length) return { field: "name" };
  if (hasAllWords(normaliseText(asset.name), words)) return { field: "name" };

  const postcode = compactPostcode(query);
  if (POSTCODE_LIKE.test(postcode)) {
    const postcodes = [...stringsOf(asset.attributes.postcodes), ...stringsOf(asset.attributes.postcode)];
    const found = postcodes.find((p) => compactPostcode(p).startsWith(postcode));
    if (found) return { field: "postcode", text: found };
  }
  const street = stringsOf(asset.attributes.streets).find((s) => hasAllWords(normaliseText(s), words));
  return street ? { field: "street", text: street } : null;
}
