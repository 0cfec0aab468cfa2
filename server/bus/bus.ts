import * as z from "zod";
import { changeBatchSchema, type ChangeBatch } from "../../lib/domain/change";

/**
 * What nodes tell each other: a committed change batch, that the notices changed (each node then
 * re-reads them), or that an import changed the assets (each node then drops what it cached of
 * them). Parsed on arrival like every other input.
 */
export const busMessageSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("changes"), batch: changeBatchSchema }),
  z.object({ type: z.literal("notices") }),
  z.object({ type: z.literal("assets") }),
]);
export type BusMessage = { type: "changes"; batch: ChangeBatch } | { type: "notices" } | { type: "assets" };

/**
 * Carries messages to every node of a deployment (including the one that sent them). Delivery
 * may be late, duplicated or out of order; OrderedFanout copes for change batches.
 */
export interface Bus {
  publish(message: BusMessage): Promise<void>;
  subscribe(listener: (message: BusMessage) => void): () => void;
  ping(): Promise<void>;
  /** False while messages may be going missing (e.g. Redis unreachable): nodes then poll the store for gaps. */
  isHealthy(): boolean;
  close(): Promise<void>;
}
