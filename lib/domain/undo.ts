import * as z from "zod";
import { BATCH_MAX_CHANGES } from "./status";

/**
 * Reverting changes: each named change is undone by a new `undo` change that restores the status
 * the asset had before it. `expectedVersion` is the asset's version as the officer last saw it, so
 * an undo never silently replaces a change made since.
 */
export const undoInputSchema = z.strictObject({
  changes: z
    .array(
      z.strictObject({
        seq: z.int({ message: "seq must be a whole number" }).positive(),
        expectedVersion: z.int({ message: "expectedVersion is required to undo" }).min(0),
      }),
    )
    .min(1, "Name at least one change to undo")
    .max(BATCH_MAX_CHANGES, `Undo at most ${BATCH_MAX_CHANGES} changes at once`),
});
export type UndoInput = z.infer<typeof undoInputSchema>;
