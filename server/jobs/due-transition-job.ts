import type { ChangeBatch } from "../../lib/domain/change";
import { SYSTEM_ACTOR } from "../../lib/domain/change";
import type { Clock } from "../../lib/domain/clock";
import type { Store } from "../../lib/store/store";
import type { Logger } from "../logger";

export interface DueTransitionJob {
  /** Applies everything due by the clock's now; resolves with the batches it committed. */
  runDue(): Promise<ChangeBatch[]>;
  /** Re-reads when the next transition falls due (after any change, from any node). */
  wake(): void;
  stop(): void;
}

// Another node may schedule something without telling us; look again at least this often.
const MAX_SLEEP_MS = 30_000;
const SWEEP_LIMIT = 500;
const WAKE_DEBOUNCE_MS = 100;

/**
 * Makes scheduled statuses start and expiring ones end on time. Every node runs it; the store
 * applies each transition exactly once however many nodes sweep together.
 */
export function startDueTransitionJob(deps: {
  store: Store;
  clock: Clock;
  logger: Logger;
  onBatch(batch: ChangeBatch): Promise<void>;
}): DueTransitionJob {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let stopped = false;
  let running: Promise<ChangeBatch[]> | null = null;

  async function sweep(): Promise<ChangeBatch[]> {
    const batches: ChangeBatch[] = [];
    for (;;) {
      const batch = await deps.store.applyDueTransitions({ actor: SYSTEM_ACTOR, ip: null, now: deps.clock.now() }, SWEEP_LIMIT);
      if (!batch) return batches;
      deps.logger.info({ fromSeq: batch.fromSeq, toSeq: batch.toSeq, count: batch.changes.length }, "scheduled transitions applied");
      batches.push(batch);
      await deps.onBatch(batch);
      if (batch.changes.length < SWEEP_LIMIT) return batches;
    }
  }

  function runDue(): Promise<ChangeBatch[]> {
    if (running) return running.then(() => runDue());
    running = sweep().finally(() => {
      running = null;
    });
    return running;
  }

  async function schedule(): Promise<void> {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    let delay = MAX_SLEEP_MS;
    try {
      const due = await deps.store.nextDueTime();
      if (due !== null) delay = Math.max(0, Math.min(MAX_SLEEP_MS, due - deps.clock.now()));
    } catch (error) {
      deps.logger.error({ err: error }, "could not read the next due time");
    }
    if (stopped) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      runDue()
        .catch((error: unknown) => deps.logger.error({ err: error }, "due transitions failed"))
        .finally(() => void schedule());
    }, delay);
    timer.unref();
  }

  // Bursts of changes each wake the job; one look at the database per burst is enough.
  let wakeTimer: ReturnType<typeof setTimeout> | null = null;
  const wake = () => {
    if (wakeTimer || stopped) return;
    wakeTimer = setTimeout(() => {
      wakeTimer = null;
      void schedule();
    }, WAKE_DEBOUNCE_MS);
    wakeTimer.unref();
  };

  void schedule();
  return {
    runDue,
    wake,
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      if (wakeTimer) clearTimeout(wakeTimer);
    },
  };
}
