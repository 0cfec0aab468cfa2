import type { Actor, ChangeBatch } from "../../lib/domain/change";
import type { Clock } from "../../lib/domain/clock";
import type { ChangeInput } from "../../lib/domain/status";
import type { Store } from "../../lib/store/store";
import type { Bus } from "../bus/bus";
import type { Logger } from "../logger";

export interface ChangeService {
  /** Commits the batch, then publishes it; a failed publish is logged and repaired by fan-out catch-up. */
  post(inputs: ChangeInput[], actor: Actor, ip: string | null): Promise<ChangeBatch>;
  publish(batch: ChangeBatch): Promise<void>;
}

export function createChangeService(deps: {
  store: Store;
  bus: Bus;
  clock: Clock;
  logger: Logger;
  /** Runs once per committed batch, on this node only (e.g. queue webhook deliveries in the outbox). */
  onCommitted?: (batch: ChangeBatch) => Promise<void>;
}): ChangeService {
  const publish = async (batch: ChangeBatch) => {
    try {
      await deps.bus.publish({ type: "changes", batch });
    } catch (error) {
      deps.logger.error({ err: error, fromSeq: batch.fromSeq, toSeq: batch.toSeq }, "publish failed; nodes will catch up from the store");
    }
    try {
      await deps.onCommitted?.(batch);
    } catch (error) {
      deps.logger.error({ err: error, fromSeq: batch.fromSeq, toSeq: batch.toSeq }, "after-commit work failed");
    }
  };
  return {
    async post(inputs, actor, ip) {
      const batch = await deps.store.appendChanges(inputs, { actor, ip, now: deps.clock.now() });
      deps.logger.info({ fromSeq: batch.fromSeq, toSeq: batch.toSeq, count: batch.changes.length, actor: actor.name }, "changes committed");
      await publish(batch);
      return batch;
    },
    publish,
  };
}
