import type { DataDependency } from "./cacheable-routes";

/**
 * What this node knows of the public data, held in memory so the hit path reads no database:
 * the highest seq it has seen committed or delivered, and counters bumped when notices or assets
 * change. Every counter only grows, so an entry made under an older version is never served again.
 */
export function createPublicDataVersion(startSeq = 0) {
  const counters: Record<DataDependency, number> = { changes: startSeq, assets: 0, notices: 0 };
  return {
    /** A batch up to `seq` is committed (on this node, before its POST answers) or arrived from another. */
    sawSeq(seq: number): void {
      if (seq > counters.changes) counters.changes = seq;
    },
    assetsChanged(): void {
      counters.assets += 1;
    },
    noticesChanged(): void {
      counters.notices += 1;
    },
    get seq(): number {
      return counters.changes;
    },
    /** The version of what depends on `dependsOn`, as one comparable string. */
    of(dependsOn: readonly DataDependency[]): string {
      let version = "";
      for (const dependency of dependsOn) version += `${counters[dependency]}.`;
      return version;
    },
  };
}

export type PublicDataVersion = ReturnType<typeof createPublicDataVersion>;
