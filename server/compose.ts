import type { Store } from "../lib/store/store";
import { createLoginThrottle, type LoginThrottle } from "./auth/login-throttle";
import type { Bus } from "./bus/bus";
import { createInProcessBus } from "./bus/in-process-bus";
import { createRedisBus } from "./bus/redis-bus";
import type { Env } from "./config/env";
import type { Logger } from "./logger";
import { openStore } from "./open-store";

export interface Backends {
  store: Store;
  bus: Bus;
  /** Counts failed sign-ins where every node sees them: in Redis when there is one, else in the database. */
  throttle: LoginThrottle;
  close(): Promise<void>;
}

/**
 * Opens the store, the bus and the sign-in throttle that the environment asks for: the only place
 * that chooses them. The throttle opens no connection of its own: it shares the bus's Redis
 * connection, or else the store's.
 */
export async function openBackends(env: Env, logger: Logger): Promise<Backends> {
  const store = await openStore(env);
  let bus: Bus;
  let throttle: LoginThrottle;
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
  } else {
    bus = createInProcessBus();
    throttle = createLoginThrottle(store.driverConnection());
  }
  logger.info({ database: store.dialect, bus: env.REDIS_URL ? "redis" : "in-process" }, "storage ready");
  return {
    store,
    bus,
    throttle,
    async close() {
      await bus.close();
      await store.close();
    },
  };
}
