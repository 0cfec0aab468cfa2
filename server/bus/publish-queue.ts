import type { Bus, BusMessage } from "./bus";

export interface QueuedBus extends Bus {
  /** Messages waiting to go out. */
  readonly queued: number;
  /** Resolves when every queued message has been tried, or after `timeoutMs`, whichever is first. */
  drain(timeoutMs: number): Promise<void>;
}

export const PUBLISH_QUEUE_LIMIT = 1000;

/**
 * Wraps a bus so that `publish` returns at once: a write must answer as soon as the database has
 * it, never wait for Redis. Messages go out one at a time, in order; a failed one is reported and
 * dropped, and so is the oldest when more than `limit` wait. Nothing is lost by dropping: other
 * nodes notice the gap in seqs and read it from the store.
 */
export function queuePublishes(
  bus: Bus,
  options: { limit?: number; onError(error: unknown, message: BusMessage): void },
): QueuedBus {
  const limit = options.limit ?? PUBLISH_QUEUE_LIMIT;
  const queue: BusMessage[] = [];
  let sending: Promise<void> | null = null;

  function send(): Promise<void> {
    sending ??= (async () => {
      for (let message = queue.shift(); message; message = queue.shift()) {
        try {
          await bus.publish(message);
        } catch (error) {
          options.onError(error, message);
        }
      }
      sending = null;
    })();
    return sending;
  }

  return {
    get queued() {
      return queue.length;
    },
    async publish(message) {
      queue.push(message);
      if (queue.length > limit) {
        const dropped = queue.shift()!;
        options.onError(new Error(`publish queue full (${limit}): dropped the oldest message`), dropped);
      }
      void send();
    },
    subscribe: (listener) => bus.subscribe(listener),
    ping: () => bus.ping(),
    isHealthy: () => bus.isHealthy(),
    close: () => bus.close(),
    async drain(timeoutMs) {
      if (!sending) return;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)));
      await Promise.race([sending, timeout]).finally(() => clearTimeout(timer));
    },
  };
}
