import type { Change, ChangeBatch } from "../domain/change";

export interface FanoutMessage {
  since: number;
  seq: number;
  changes: Change[];
}

export interface OrderedFanoutOptions {
  /** The seq this node has already delivered up to (the store's head when the node starts). */
  startSeq: number;
  /** Reads committed changes fromSeq..toSeq from the store, to fill a gap. */
  fetchRange(fromSeq: number, toSeq: number): Promise<Change[]>;
  headSeq(): Promise<number>;
  emit(message: FanoutMessage): void;
  onError?(error: unknown): void;
  /**
   * Runs `flush` once the current send has gone out (the event loop has served I/O). Batches that
   * arrive until then go out together as the next message. Default: setImmediate.
   */
  afterSend?(flush: () => void): void;
  /** How many of the latest sent changes to keep in memory for resumes (`recentSince`). */
  historyChanges?: number;
  /** How long a later batch waits for an earlier one still in flight before the gap is read from the store. */
  gapWaitMs?: number;
}

/**
 * Turns batches published by any node, in whatever order the bus delivers them, into one gapless,
 * ordered stream of messages for this node's clients. A batch that never arrives (a lost publish,
 * a bus outage) is read back from the store, so no change is skipped.
 */
export class OrderedFanout {
  private delivered: number;
  private flushed: number;
  private readonly pending = new Map<number, ChangeBatch>();
  private outgoing: Change[] = [];
  /** A flush is queued (a microtask) or a send is in progress (until `afterSend` calls back). */
  private flushQueued = false;
  private sending = false;
  /** The latest messages sent, oldest first, covering seqs (historySince, flushed]. */
  private history: FanoutMessage[] = [];
  private historySince: number;
  private historyCount = 0;
  private gapTimer: ReturnType<typeof setTimeout> | null = null;
  private filling: Promise<void> | null = null;
  private closed = false;

  constructor(private readonly options: OrderedFanoutOptions) {
    this.delivered = options.startSeq;
    this.flushed = options.startSeq;
    this.historySince = options.startSeq;
  }

  /** The seq of the last message sent to clients. */
  get seq(): number {
    return this.flushed;
  }

  /**
   * Every change sent after `since`, up to the last message sent, from memory; null when `since`
   * is outside what is held (older than the history, or ahead of what this node has sent), so the
   * caller reads the store instead. Lets a surge of reconnecting pages resume without a read each.
   */
  recentSince(since: number): { seq: number; changes: Change[] } | null {
    if (since < this.historySince || since > this.flushed) return null;
    const changes: Change[] = [];
    for (const message of this.history) {
      if (message.seq <= since) continue;
      for (const change of message.changes) if (change.seq > since) changes.push(change);
    }
    return { seq: this.flushed, changes };
  }

  receive(batch: ChangeBatch): void {
    if (this.closed || batch.toSeq <= this.delivered) return;
    this.pending.set(batch.fromSeq, batch);
    this.drain();
  }

  /** Reads anything committed but not yet delivered (e.g. a publish that never came) from the store. */
  async catchUp(): Promise<void> {
    const head = await this.options.headSeq();
    if (head > this.delivered) await this.fill(head);
  }

  close(): void {
    this.closed = true;
    if (this.gapTimer) clearTimeout(this.gapTimer);
  }

  private drain(): void {
    for (;;) {
      const next = [...this.pending.values()].find((b) => b.fromSeq <= this.delivered + 1);
      if (!next) break;
      this.pending.delete(next.fromSeq);
      if (next.toSeq <= this.delivered) continue;
      this.accept(next.changes.filter((c) => c.seq > this.delivered), next.toSeq);
    }
    for (const [fromSeq, batch] of this.pending) if (batch.toSeq <= this.delivered) this.pending.delete(fromSeq);
    if (this.pending.size && !this.gapTimer) {
      this.gapTimer = setTimeout(() => {
        this.gapTimer = null;
        const firstPending = Math.min(...this.pending.keys());
        if (Number.isFinite(firstPending)) void this.fill(firstPending - 1);
      }, this.options.gapWaitMs ?? 250);
    }
  }

  private accept(changes: Change[], toSeq: number): void {
    this.outgoing.push(...changes);
    this.delivered = toSeq;
    this.scheduleFlush();
  }

  // No fixed window: an idle fan-out sends on the next microtask (so the batches one drain accepts
  // go together); while a send is in progress, what arrives waits for it and then goes as one.
  private scheduleFlush(): void {
    if (this.flushQueued || this.sending) return;
    this.flushQueued = true;
    queueMicrotask(() => {
      this.flushQueued = false;
      this.flush();
    });
  }

  private flush(): void {
    if (this.closed || this.delivered === this.flushed) return;
    const message = { since: this.flushed, seq: this.delivered, changes: this.outgoing };
    this.outgoing = [];
    this.flushed = this.delivered;
    this.remember(message);
    this.sending = true;
    try {
      this.options.emit(message);
    } finally {
      (this.options.afterSend ?? setImmediate)(() => {
        this.sending = false;
        if (this.delivered !== this.flushed) this.scheduleFlush();
      });
    }
  }

  private remember(message: FanoutMessage): void {
    const limit = this.options.historyChanges ?? 500;
    this.history.push(message);
    this.historyCount += message.changes.length;
    while (this.history.length && this.historyCount > limit) {
      const dropped = this.history.shift()!;
      this.historyCount -= dropped.changes.length;
      this.historySince = dropped.seq;
    }
  }

  private fill(toSeq: number): Promise<void> {
    if (this.filling) return this.filling.then(() => (toSeq > this.delivered ? this.fill(toSeq) : undefined));
    const fromSeq = this.delivered + 1;
    if (toSeq < fromSeq) return Promise.resolve();
    this.filling = this.options
      .fetchRange(fromSeq, toSeq)
      .then((changes) => {
        // Only take a contiguous run: anything still uncommitted-looking is retried later.
        let expected = this.delivered + 1;
        const run: Change[] = [];
        for (const change of changes) {
          if (change.seq !== expected) break;
          run.push(change);
          expected += 1;
        }
        if (run.length && !this.closed) this.accept(run, expected - 1);
        // Batches that waited for this run follow it now, in the same message.
        this.drain();
      })
      .catch((error: unknown) => this.options.onError?.(error))
      .finally(() => {
        this.filling = null;
        this.drain();
      });
    return this.filling;
  }
}
