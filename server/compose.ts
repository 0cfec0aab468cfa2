import type { Store } from "../lib/store/store";
import { createLoginThrottle, type LoginThrottle } from "./auth/login-throttle";
import type { Bus } from "./bus/bus";
import { createInProcessBus } from "./bus/in-process-bus";
import { createRedisBus } from "./bus/redis-bus";
import type { Env } from "./config/env";
import { createRateLimits, type RateLimits } from "./http/rate-limit";
import type { Logger } from "./logger";
import { openStore } from "./open-store";

export interface Backends {
  store: Store;
  bus: Bus;
  /** Counts failed sign-ins where every node sees them: in Redis when there is one, else in the database. */
  throttle: LoginThrottle;
  /** Budgets of writes and public reads: in Redis when there is one, so every node counts together. */
  rateLimits: RateLimits;
  close(): Promise<void>;
}

/**
 * Opens the store, the bus, the sign-in throttle and the rate limits that the environment asks for:
 * the only place that chooses them. Neither opens a connection of its own: they share the bus's
 * Redis connection, or else the store's (the throttle) or memory (the rate limits).
 */
export async function openBackends(env: Env, logger: Logger): Promise<Backends> {
  const store = await openStore(env);
  let bus: Bus;
  let throttle: LoginThrottle;
  let rateLimits: RateLimits;
  const rateSettings = { writesPerMinute: env.SNOWLINE_RATE_LIMIT_WRITES_PER_MINUTE, readsPerMinute: env.SNOWLINE_RATE_LIMIT_READS_PER_MINUTE };
  if (env.REDIS_URL) {
    const redisBus = await createRedisBus({
      url: env.REDIS_URL,
      namespace: env.SNOWLINE_BUS_NAMESPACE,
      onError: (error, context) => logger.error({ err: error }, `${context} error`),
    }).catch(async (error: unknown) => {
      await store.close();
      throw error;
    });
    bus = redisBus;
    throttle = createLoginThrottle({ type: "redis", client: redisBus.client, namespace: env.SNOWLINE_BUS_NAMESPACE });
    rateLimits = createRateLimits({ type: "redis", client: redisBus.client, namespace: env.SNOWLINE_BUS_NAMESPACE }, rateSettings);
  } else {
    bus = createInProcessBus();
    throttle = createLoginThrottle(store.driverConnection());
    // One node without Redis: counting in memory, not in the database on every read.
    rateLimits = createRateLimits({ type: "memory" }, rateSettings);
  }
  logger.info({ database: store.dialect, bus: env.REDIS_URL ? "redis" : "in-process" }, "storage ready");
  return {
    store,
    bus,
    throttle,
    rateLimits,
    async close() {
      await bus.close();
      await store.close();
    },
  };
}
