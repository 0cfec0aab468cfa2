import type { Change } from "../domain/change";
import {
  changesMessageSchema,
  heartbeatSchema,
  resumeReplySchema,
  type ResumeReply,
} from "./protocol";

export interface StatusSyncOptions {
  /** The seq of the data the page started from. */
  initialSeq: number;
  applyChanges(changes: Change[]): void;
  /** Sends `status:resume` and resolves with the raw ack (rejects on timeout or disconnect). */
  requestResume(since: number): Promise<unknown>;
  /** Reloads every asset after a reset and resolves with the seq of the reloaded data. */
  refetch(): Promise<number>;
  onError?(error: unknown): void;
}

// A server that keeps announcing seqs it cannot deliver must not keep a phone busy forever.
const MAX_RESUME_ROUNDS = 5;

/**
 * Keeps a browser's copy of the statuses in step with the server: applies live messages in seq
 * order, and whenever it sees it is behind (a gap in `since`, a heartbeat ahead of it, a
 * reconnect) asks for exactly what it missed, or reloads when it is too far behind.
 * Framework-free so the map, the list and the embed widget share it.
 */
export class StatusSync {
  private lastSeq: number;
  /** The highest seq the server has told us exists. */
  private knownSeq: number;
  private resuming: Promise<void> | null = null;

  constructor(private readonly options: StatusSyncOptions) {
    this.lastSeq = options.initialSeq;
    this.knownSeq = options.initialSeq;
  }

  get seq(): number {
    return this.lastSeq;
  }

  get isBehind(): boolean {
    return this.knownSeq > this.lastSeq;
  }

  onChanges(payload: unknown): void {
    const parsed = changesMessageSchema.safeParse(payload);
    if (!parsed.success) return this.options.onError?.(parsed.error);
    const message = parsed.data;
    this.knownSeq = Math.max(this.knownSeq, message.seq);
    if (message.seq <= this.lastSeq) return;
    if (message.since > this.lastSeq || this.resuming) {
      void this.resume();
      return;
    }
    this.apply(message.changes, message.seq);
  }

  onHeartbeat(payload: unknown): void {
    const parsed = heartbeatSchema.safeParse(payload);
    if (!parsed.success) return this.options.onError?.(parsed.error);
    this.knownSeq = Math.max(this.knownSeq, parsed.data.seq);
    if (this.isBehind) void this.resume();
  }

  /** Call on every (re)connect: fetches whatever was committed while we were away. */
  onConnect(): Promise<void> {
    return this.resume();
  }

  /** One resume at a time; repeats until nothing we have heard of is missing. */
  resume(): Promise<void> {
    if (this.resuming) return this.resuming;
    this.resuming = (async () => {
      try {
        let rounds = 0;
        do {
          const reply: ResumeReply = resumeReplySchema.parse(await this.options.requestResume(this.lastSeq));
          if ("error" in reply) throw new Error(reply.error.message);
          this.knownSeq = Math.max(this.knownSeq, reply.seq);
          if ("reset" in reply) {
            const seq = await this.options.refetch();
            this.lastSeq = Math.max(this.lastSeq, seq);
          } else {
            this.apply(reply.changes, reply.seq);
          }
          rounds += 1;
        } while (this.isBehind && rounds < MAX_RESUME_ROUNDS);
      } catch (error) {
        this.options.onError?.(error);
      } finally {
        this.resuming = null;
      }
    })();
    return this.resuming;
  }

  private apply(changes: Change[], seq: number): void {
    const fresh = changes.filter((c) => c.seq > this.lastSeq);
    this.lastSeq = Math.max(this.lastSeq, seq);
    if (fresh.length) this.options.applyChanges(fresh);
  }
}
