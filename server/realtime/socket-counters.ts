import type { Logger } from "../logger";

/** What this node's sockets have done since it started: served in /readyz, small on purpose. */
type Counted = "refusedConnections" | "invalidEvents" | "refusedEvents" | "disconnectedForFlooding" | "failedEvents";

export interface SocketCounts extends Record<Counted, number> {
  connections: number;
}

export const SUMMARY_MS = 60_000;

const NONE: Record<Counted, number> = { refusedConnections: 0, invalidEvents: 0, refusedEvents: 0, disconnectedForFlooding: 0, failedEvents: 0 };

/**
 * Counts bad socket traffic and logs it as one summary line per interval, never a line (or a stack
 * trace) per event: anyone can send invalid events, and a log written per event is a flood too.
 */
export class SocketCounters {
  private readonly totals = { ...NONE };
  private pending = { ...NONE };
  private byEvent: Record<string, number> = {};
  private lastFailure: string | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly logger: Logger,
    private readonly summaryMs: number = SUMMARY_MS,
  ) {}

  /** `failure`: why an event failed on the server's side (a database outage), logged as its message. */
  record(kind: Counted, event?: string, failure?: unknown): void {
    if (failure !== undefined) this.lastFailure = failure instanceof Error ? failure.message : String(failure);
    this.totals[kind] += 1;
    this.pending[kind] += 1;
    if (event !== undefined && kind === "invalidEvents") this.byEvent[event] = (this.byEvent[event] ?? 0) + 1;
    this.timer ??= setTimeout(() => this.flush(), this.summaryMs);
    this.timer.unref?.();
  }

  counts(connections: number): SocketCounts {
    return { connections, ...this.totals };
  }

  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const { invalidEvents, failedEvents, ...refusals } = this.pending;
    const seconds = this.summaryMs / 1000;
    if (invalidEvents > 0) this.logger.warn({ invalidEvents, byEvent: this.byEvent, seconds }, "invalid socket events");
    if (failedEvents > 0) this.logger.error({ failedEvents, lastFailure: this.lastFailure, seconds }, "socket events failed");
    if (Object.values(refusals).some((n) => n > 0)) this.logger.warn({ ...refusals, seconds }, "socket limits refused traffic");
    this.pending = { ...NONE };
    this.byEvent = {};
    this.lastFailure = null;
  }

  close(): void {
    this.flush();
  }
}
