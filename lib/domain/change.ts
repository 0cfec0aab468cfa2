import type { IdempotencyClaim } from "./idempotency";
import * as z from "zod";
import { layerSchema } from "./layers";
import { isoTimeSchema, publicStatusSchema } from "./status";

/**
 * Why an asset's status changed:
 * - `set`: someone set the status now;
 * - `schedule`: someone set a status that starts later (it shows as upcoming);
 * - `activate`: a scheduled status took effect at its `from` time;
 * - `expire`: the status reached its `until` time and the asset returned to its default;
 * - `undo`: someone reverted an earlier change, restoring the status from before it.
 */
export const CHANGE_KINDS = ["set", "schedule", "activate", "expire", "undo"] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/** One entry of the public change log: the asset's whole public status after the change. */
export const changeSchema = z.object({
  seq: z.int().positive(),
  assetId: z.string(),
  layer: layerSchema,
  kind: z.enum(CHANGE_KINDS),
  at: isoTimeSchema,
  status: publicStatusSchema,
});
export type Change = z.infer<typeof changeSchema>;

/** Changes committed together, with gapless seqs fromSeq..toSeq. */
export const changeBatchSchema = z
  .object({
    fromSeq: z.int().positive(),
    toSeq: z.int().positive(),
    changes: z.array(changeSchema).min(1),
  })
  .refine((batch) => batch.toSeq - batch.fromSeq + 1 === batch.changes.length, "A batch's seqs must be gapless");
export type ChangeBatch = z.infer<typeof changeBatchSchema>;

/** Who made a change. The public never sees this. */
export type Actor =
  | { type: "token"; id: string; name: string }
  | { type: "user"; id: string; name: string }
  | { type: "system"; id: null; name: "Snowline" };

export const SYSTEM_ACTOR: Actor = { type: "system", id: null, name: "Snowline" };

/** Who is writing, from where, and when: what the change log records with every change. */
export interface ChangeContext {
  actor: Actor;
  ip: string | null;
  now: number;
  /** The request's Idempotency-Key claim, spent in the same transaction as the batch. */
  idempotency?: IdempotencyClaim;
}
