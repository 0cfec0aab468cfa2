import type { ChangeBatch } from "../../lib/domain/change";

/**
 * Carries committed change batches to every node of a deployment (including the one that
 * committed them). Delivery may be late, duplicated or out of order; OrderedFanout copes.
 */
export interface Bus {
  publish(batch: ChangeBatch): Promise<void>;
  subscribe(listener: (batch: ChangeBatch) => void): () => void;
  ping(): Promise<void>;
  close(): Promise<void>;
}
