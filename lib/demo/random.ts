/** A small seeded PRNG, so a demo council is the same on every machine and in every test run. */
export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform in [min, max). */
  between(min: number, max: number): number;
  /** Uniform integer in [min, max], both ends included. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  shuffle<T>(items: readonly T[]): T[];
  /** A new independent stream, so one layer's size never shifts another layer's output. */
  fork(label: string): Random;
}

export function createRandom(seed: number | string): Random {
  const seedNumber = typeof seed === "number" ? seed >>> 0 : hashString(seed);
  const next = mulberry32(seedNumber);
  const random: Random = {
    next,
    between: (min, max) => min + next() * (max - min),
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => {
      if (items.length === 0) throw new RangeError("Cannot pick from an empty list");
      return items[Math.floor(next() * items.length)]!;
    },
    shuffle: (items) => {
      const copy = [...items];
      for (let i = copy.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [copy[i], copy[j]] = [copy[j]!, copy[i]!];
      }
      return copy;
    },
    fork: (label) => createRandom(hashString(`${seedNumber}:${label}`)),
  };
  return random;
}

// mulberry32: 32-bit state, fast and well enough distributed for made-up geography.
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// FNV-1a, so string seeds such as "trafford-demo" map to a stable 32-bit number.
function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** `count` values split by `shares`, in the order given; largest remainders round, so the total is exact. */
export function splitByShares<T>(count: number, shares: ReadonlyArray<readonly [T, number]>): T[] {
  const totalShare = shares.reduce((sum, [, share]) => sum + share, 0);
  const exact = shares.map(([value, share]) => ({ value, exact: (count * share) / totalShare }));
  const counts = exact.map((entry) => Math.floor(entry.exact));
  let left = count - counts.reduce((sum, n) => sum + n, 0);
  const byRemainder = exact.map((entry, index) => ({ index, remainder: entry.exact - counts[index]! })).sort((a, b) => b.remainder - a.remainder);
  for (const { index } of byRemainder) {
    if (left-- <= 0) break;
    counts[index]!++;
  }
  return exact.flatMap((entry, index) => Array.from({ length: counts[index]! }, () => entry.value));
}
