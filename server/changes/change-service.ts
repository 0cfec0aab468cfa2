import { refuseChanges, type Access } from "../../lib/domain/access";
import type { Actor, ChangeBatch } from "../../lib/domain/change";
import type { Clock } from "../../lib/domain/clock";
import { ConflictError, ForbiddenError } from "../../lib/domain/errors";
import type { ChangeInput } from "../../lib/domain/status";
import type { UndoInput } from "../../lib/domain/undo";
import type { IdempotencyClaim } from "../../lib/domain/idempotency";
import type { Store } from "../../lib/store/store";
import type { Bus } from "../bus/bus";
import type { Logger } from "../logger";

export interface ChangeService {
  /**
   * Commits the batch, then publishes it; a failed publish is logged and repaired by fan-out catch-up.
   * With `access`, every asset must be one the caller may change, or nothing is stored (403).
   * With `idempotency`, the batch spends that Idempotency-Key claim in its own transaction.
   */
  post(inputs: ChangeInput[], actor: Actor, ip: string | null, access?: Access, idempotency?: IdempotencyClaim): Promise<ChangeBatch>;
  /** Reverts changes as one atomic batch, under the same rules as `post`. */
  undo(requests: UndoInput["changes"], actor: Actor, ip: string | null, access?: Access, idempotency?: IdempotencyClaim): Promise<ChangeBatch>;
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

  async function authorise(assetIds: string[], access: Access | undefined): Promise<void> {
    if (!access) return;
    const refusal = refuseChanges(access, await deps.store.assetRefs(assetIds));
    if (refusal) throw new ForbiddenError(refusal);
  }

  // Callers of the write paths are all authenticated, so a conflict may say who changed the asset.
  async function commit(write: () => Promise<ChangeBatch>): Promise<ChangeBatch> {
    try {
      return await write();
    } catch (error) {
      if (error instanceof ConflictError) throw new ConflictError(await deps.store.audit.describeConflicts(error.conflicts));
      throw error;
    }
  }

  const committed = async (batch: ChangeBatch, actor: Actor, what: string) => {
    deps.logger.info({ fromSeq: batch.fromSeq, toSeq: batch.toSeq, count: batch.changes.length, actor: actor.name }, what);
    await publish(batch);
    return batch;
  };

  return {
    async post(inputs, actor, ip, access, idempotency) {
      await authorise(inputs.map((c) => c.assetId), access);
      const batch = await commit(() => deps.store.appendChanges(inputs, { actor, ip, now: deps.clock.now(), idempotency }));
      return committed(batch, actor, "changes committed");
    },
    async undo(requests, actor, ip, access, idempotency) {
      if (access) {
        const undone = await deps.store.audit.changesBySeq(requests.map((r) => r.seq));
        await authorise(undone.map((c) => c.assetId), access);
      }
      const batch = await commit(() => deps.store.undoChanges(requests, { actor, ip, now: deps.clock.now(), idempotency }));
      return committed(batch, actor, "changes undone");
    },
    publish,
  };
}
