import { createHash } from "node:crypto";

/** The hash before the first entry. */
export const GENESIS_HASH = "0".repeat(64);

/** What a change-log entry's hash covers: every column an auditor reads, the asset's name at that moment included. */
export interface ChainedChange {
  seq: number;
  asset_id: string;
  asset_name: string;
  layer: string;
  kind: string;
  at: number;
  status: string;
  previous: string;
  actor_type: string;
  actor_id: string | null;
  actor_name: string;
  ip: string | null;
}

/**
 * sha256 over the previous entry's hash and this entry's content, as a JSON array (so no two
 * different contents share an encoding). Editing, deleting or reordering an entry behind the
 * application's back breaks this entry's hash or the next one's link.
 */
export function changeHash(prevHash: string, row: ChainedChange): string {
  const content = [
    prevHash,
    row.seq,
    row.asset_id,
    row.asset_name,
    row.layer,
    row.kind,
    row.at,
    row.status,
    row.previous,
    row.actor_type,
    row.actor_id,
    row.actor_name,
    row.ip,
  ];
  return createHash("sha256").update(JSON.stringify(content)).digest("hex");
}

export interface ChainBreak {
  seq: number;
  reason: string;
}

export interface ChainReport {
  checked: number;
  headSeq: number;
  firstBroken: ChainBreak | null;
}

/**
 * Checks a run of entries in seq order, continuing from `prev` (the entry before the first one,
 * or none at the start of the log). Returns the first broken entry, or null and the last one.
 */
export function verifyChainSegment(
  rows: readonly (ChainedChange & { prev_hash: string | null; hash: string | null })[],
  prev: { seq: number; hash: string },
): { broken: ChainBreak | null; last: { seq: number; hash: string } } {
  let last = prev;
  for (const row of rows) {
    if (row.seq !== last.seq + 1) return { broken: { seq: row.seq, reason: `seq ${last.seq + 1} is missing: the entry before this one was deleted` }, last };
    if (row.prev_hash !== last.hash) return { broken: { seq: row.seq, reason: "it does not link to the entry before it" }, last };
    if (row.hash !== changeHash(last.hash, row)) return { broken: { seq: row.seq, reason: "its content does not match its hash: it was edited" }, last };
    last = { seq: row.seq, hash: row.hash };
  }
  return { broken: null, last };
}
