import type { Clock } from "../../lib/domain/clock";
import type { Store } from "../../lib/store/store";
import { nextAttemptAfter } from "../../lib/webhooks/backoff";
import { signWebhookBody, WEBHOOK_HEADERS } from "../../lib/webhooks/signature";
import type { ClaimedDelivery } from "../../lib/webhooks/webhook-schema";
import type { Logger } from "../logger";
import type { WebhookPoster } from "./post-webhook";

export interface WebhookWorker {
  /** Sends every delivery due by the clock's now (claiming each first); resolves with how many were attempted. */
  runDue(): Promise<number>;
  /** Looks again soon, e.g. right after a batch was enqueued on this node. */
  wake(): void;
  stop(): void;
}

export interface WebhookWorkerOptions {
  repository: Store["webhooks"];
  clock: Clock;
  logger: Logger;
  /** How a delivery is sent: createWebhookPoster, which refuses internal addresses at connect time. */
  post: WebhookPoster;
  /** Without it, only runDue() sends (tests drive the worker and the clock by hand). */
  autoRun?: boolean;
  leaseMs?: number;
  timeoutMs?: number;
  pollMs?: number;
}

const WAKE_DEBOUNCE_MS = 20;

/**
 * Delivers the webhook outbox. Every node runs one; a delivery is claimed with a lease before it is
 * sent, so however many nodes poll, each attempt is made by one of them.
 */
export function startWebhookWorker(options: WebhookWorkerOptions): WebhookWorker {
  const { repository, clock, logger } = options;
  const send = options.post;
  const leaseMs = options.leaseMs ?? 60_000;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const pollMs = options.pollMs ?? 5_000;
  let running: Promise<number> | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let stopped = false;

  async function attempt(delivery: ClaimedDelivery): Promise<void> {
    const at = clock.now();
    const timestamp = Math.floor(at / 1000);
    const started = performance.now();
    let statusCode: number | null = null;
    let error: string | null = null;
    try {
      statusCode = await send({
        url: delivery.url,
        headers: {
          "content-type": "application/json",
          "user-agent": "Snowline-Webhooks/1",
          [WEBHOOK_HEADERS.delivery]: delivery.id,
          [WEBHOOK_HEADERS.timestamp]: String(timestamp),
          [WEBHOOK_HEADERS.signature]: signWebhookBody(delivery.secret, timestamp, delivery.payload),
        },
        body: delivery.payload,
        timeoutMs,
      });
      // Only the status code is kept: the receiver's body would echo an internal service back to the console.
      if (statusCode < 200 || statusCode >= 300) error = `The receiver answered HTTP ${statusCode}`;
    } catch (cause) {
      error = cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause);
    }
    const ok = error === null;
    const retryAt = ok ? null : nextAttemptAfter(delivery.attempt, clock.now());
    await repository.recordAttempt(delivery, { at, ok, statusCode, error, durationMs: performance.now() - started, retryAt });
    if (!ok) {
      logger.warn({ deliveryId: delivery.id, attempt: delivery.attempt, error, retryAt }, retryAt ? "webhook delivery failed; will retry" : "webhook delivery failed for good");
    }
  }

  async function drain(): Promise<number> {
    let attempted = 0;
    for (;;) {
      const claimed = await repository.claimDue(clock.now(), leaseMs);
      if (!claimed.length) return attempted;
      await Promise.all(claimed.map(attempt));
      attempted += claimed.length;
    }
  }

  function runDue(): Promise<number> {
    if (running) return running.then(() => runDue());
    running = drain().finally(() => {
      running = null;
    });
    return running;
  }

  function schedule(delay: number): void {
    if (stopped || !options.autoRun) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      runDue()
        .catch((error: unknown) => logger.error({ err: error }, "webhook worker failed"))
        .then(() => repository.nextDueAt())
        .then(
          (due) => schedule(due === null ? pollMs : Math.min(pollMs, Math.max(0, due - clock.now()))),
          () => schedule(pollMs),
        );
    }, delay);
    timer.unref();
  }

  schedule(pollMs);
  return {
    runDue,
    wake: () => schedule(WAKE_DEBOUNCE_MS),
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
  };
}
