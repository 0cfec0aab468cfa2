const normalise = (name: string) => name.trim().toLowerCase().replace(/[\s_-]+/g, "_");

/**
 * The first of `candidates` present among `available`, returned as the file spells it. Matching
 * ignores case and treats spaces, hyphens and underscores alike ("Unique Reference Number").
 */
export function findField(available: Iterable<string>, candidates: readonly string[]): string | null {
  const byNormal = new Map<string, string>();
  for (const name of available) if (!byNormal.has(normalise(name))) byNormal.set(normalise(name), name);
  for (const candidate of candidates) {
    const found = byNormal.get(normalise(candidate));
    if (found !== undefined) return found;
  }
  return null;
}
