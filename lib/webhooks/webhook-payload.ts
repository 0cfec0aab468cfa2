import type { Change, ChangeBatch } from "../domain/change";
import type { Layer } from "../domain/layers";

/** The JSON body a receiver gets for one change batch, limited to the layers it subscribed to. */
export interface WebhookPayload {
  type: "status.changes";
  fromSeq: number;
  toSeq: number;
  changes: Change[];
}

/** Null when none of the batch's changes is on the subscribed layers: nothing is sent then. */
export function webhookPayloadFor(batch: ChangeBatch, layers: readonly Layer[]): WebhookPayload | null {
  const changes = batch.changes.filter((c) => layers.includes(c.layer));
  if (!changes.length) return null;
  return { type: "status.changes", fromSeq: batch.fromSeq, toSeq: batch.toSeq, changes };
}
