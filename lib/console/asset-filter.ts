/** The least the console list needs of an asset to filter it. */
export interface FilterableAsset {
  id: string;
  name: string;
  attributes: Record<string, unknown>;
  status: { code: string; message: string };
}

export interface AssetFilter {
  search: string;
  /** A status code, or "" for any. */
  code: string;
  /** Attribute name → required value (as text); absent means any. */
  attributes: Record<string, string>;
}

export const EMPTY_FILTER: AssetFilter = { search: "", code: "", attributes: {} };

export interface AttributeChoice {
  key: string;
  label: string;
  values: string[];
}

// An attribute makes a useful filter when it sorts assets into a handful of groups (ward, priority,
// phase, collection day), not when every asset has its own value (address, postcode).
const MAX_VALUES = 40;
const isScalar = (value: unknown): value is string | number | boolean => ["string", "number", "boolean"].includes(typeof value);

/** "collectionDay" → "Collection day", "ward" → "Ward". */
export function attributeLabel(key: string): string {
  const words = key.replace(/([a-z])([A-Z])/g, "$1 $2").replace(/[_-]+/g, " ").toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function filterableAttributes(assets: readonly FilterableAsset[]): AttributeChoice[] {
  const values = new Map<string, Set<string>>();
  for (const asset of assets) {
    for (const [key, value] of Object.entries(asset.attributes)) {
      if (!isScalar(value)) continue;
      let set = values.get(key);
      if (!set) values.set(key, (set = new Set()));
      set.add(String(value));
    }
  }
  return [...values.entries()]
    .filter(([, set]) => set.size >= 2 && set.size <= MAX_VALUES && set.size < assets.length)
    .map(([key, set]) => ({
      key,
      label: attributeLabel(key),
      values: [...set].sort((a, b) => a.localeCompare(b, "en-GB", { numeric: true })),
    }))
    .sort((a, b) => a.label.localeCompare(b.label));
}

const searchableText = (asset: FilterableAsset) =>
  [asset.name, asset.id, asset.status.message, ...Object.values(asset.attributes).flat().filter(isScalar).map(String)].join("\n").toLowerCase();

export function matchesFilter(asset: FilterableAsset, filter: AssetFilter): boolean {
  if (filter.code && asset.status.code !== filter.code) return false;
  for (const [key, wanted] of Object.entries(filter.attributes)) {
    const value = asset.attributes[key];
    if (!isScalar(value) || String(value) !== wanted) return false;
  }
  const words = filter.search.toLowerCase().split(/\s+/).filter(Boolean);
  if (!words.length) return true;
  const text = searchableText(asset);
  return words.every((word) => text.includes(word));
}

export function isFilterEmpty(filter: AssetFilter): boolean {
  return !filter.search.trim() && !filter.code && Object.keys(filter.attributes).length === 0;
}
