import { Redis } from "ioredis";
import { busMessageSchema, type Bus, type BusMessage } from "./bus";

export interface RedisBusOptions {
  url: string;
  /** Channel prefix, so several deployments (or test runs) can share one Redis. */
  namespace: string;
  onError?(error: unknown, context: string): void;
}

export interface RedisBus extends Bus {
  /** The publishing connection, which other parts (the sign-in throttle) may share for commands. */
  readonly client: Redis;
}

/**
 * Redis pub/sub between nodes. Every node subscribes and emits to its own clients; a message
 * that does not parse is reported and dropped (the fan-out reads the store to fill any gap).
 */
export async function createRedisBus(options: RedisBusOptions): Promise<RedisBus> {
  const channel = `${options.namespace}:bus`;
  const redisOptions = { lazyConnect: true, maxRetriesPerRequest: 2, enableOfflineQueue: true };
  // A publish or ping while Redis is away fails at once instead of queueing until it returns:
  // nothing may wait on the bus, and nodes read what they missed from the store.
  const publisher = new Redis(options.url, { ...redisOptions, enableOfflineQueue: false });
  const subscriber = new Redis(options.url, redisOptions);
  const listeners = new Set<(message: BusMessage) => void>();
  const report = (context: string) => (error: unknown) => options.onError?.(error, context);
  publisher.on("error", report("redis publisher"));
  subscriber.on("error", report("redis subscriber"));

  subscriber.on("message", (received: string, payload: string) => {
    if (received !== channel) return;
    let message: BusMessage;
    try {
      message = busMessageSchema.parse(JSON.parse(payload));
    } catch (error) {
      report("redis message")(error);
      return;
    }
    listeners.forEach((listener) => listener(message));
  });

  await Promise.all([publisher.connect(), subscriber.connect()]);
  await subscriber.subscribe(channel);

  return {
    client: publisher,
    async publish(message) {
      await publisher.publish(channel, JSON.stringify(message));
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async ping() {
      await publisher.ping();
    },
    isHealthy: () => publisher.status === "ready" && subscriber.status === "ready",
    async close() {
      listeners.clear();
      await Promise.allSettled([subscriber.quit(), publisher.quit()]);
    },
  };
}
