import type { CachedEntry } from "./cached-entry";

/**
 * Entries by key, least recently used first, holding at most `maxBytes`. When one must go,
 * entries made under an older data version (never served again) go before current ones.
 */
export function createEntryStore(maxBytes: number) {
  const entries = new Map<string, CachedEntry>();
  let bytes = 0;

  function remove(key: string): void {
    const entry = entries.get(key);
    if (!entry) return;
    entries.delete(key);
    bytes -= entry.bytes;
  }

  return {
    /** The entry (moved to most recently used), whatever its version: the caller decides. */
    get(key: string): CachedEntry | undefined {
      const entry = entries.get(key);
      if (entry) {
        entries.delete(key);
        entries.set(key, entry);
      }
      return entry;
    },
    /** Keeps the entry unless it alone is larger than the cap; `isCurrent` tells which entries are still worth keeping. */
    set(key: string, entry: CachedEntry, isCurrent: (key: string, entry: CachedEntry) => boolean): boolean {
      remove(key);
      if (entry.bytes > maxBytes) return false;
      if (bytes + entry.bytes > maxBytes) {
        for (const [k, e] of entries) if (!isCurrent(k, e)) remove(k);
      }
      for (const k of entries.keys()) {
        if (bytes + entry.bytes <= maxBytes) break;
        remove(k);
      }
      entries.set(key, entry);
      bytes += entry.bytes;
      return true;
    },
    delete: remove,
    get bytes(): number {
      return bytes;
    },
    get size(): number {
      return entries.size;
    },
  };
}
