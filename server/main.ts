import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { setAppContext } from "../lib/app-context";
import { systemClock } from "../lib/domain/clock";
import { DEFAULT_PUBLIC_CONFIG, type PublicConfig } from "../lib/public-config";
import { openPostgresStore } from "../lib/store/postgres-store";
import { openSqliteStore } from "../lib/store/sqlite-store";
import type { Bus } from "./bus/bus";
import { createInProcessBus } from "./bus/in-process-bus";
import { createRedisBus } from "./bus/redis-bus";
import { EnvError, parseEnv } from "./config/env";
import { createSnowlineServer } from "./create-server";
import { seedDemoIfEmpty } from "./demo/seed-demo";
import { createLogger } from "./logger";
import { createNextHandler } from "./web/next-handler";

const PROJECT_ROOT = resolve(fileURLToPath(new URL("..", import.meta.url)));

/** The composition root: the only place that chooses concrete parts from the environment. */
async function main(): Promise<void> {
  const dev = process.argv.includes("--dev");
  // Next.js reads NODE_ENV to pick its mode; its types mark it read-only.
  (process.env as Record<string, string | undefined>).NODE_ENV ??= dev ? "development" : "production";
  const env = parseEnv();
  const logger = createLogger(env.LOG_LEVEL);
  const clock = systemClock;

  const store = env.DATABASE_URL
    ? await openPostgresStore({ url: env.DATABASE_URL })
    : await openSqliteStore(resolve(env.SNOWLINE_DATA_DIR));
  const bus: Bus = env.REDIS_URL
    ? await createRedisBus({
        url: env.REDIS_URL,
        namespace: env.SNOWLINE_BUS_NAMESPACE,
        onError: (error, context) => logger.error({ err: error }, `${context} error`),
      })
    : createInProcessBus();
  logger.info({ database: store.dialect, bus: env.REDIS_URL ? "redis" : "in-process" }, "storage ready");

  let councilName = env.SNOWLINE_COUNCIL_NAME;
  let isDemo = false;
  let boundary: PublicConfig["boundary"] = null;
  if (env.SNOWLINE_DEMO) {
    const demo = await seedDemoIfEmpty(store, clock.now());
    if (demo.seeded) logger.info("loaded the demo council into the empty database");
    councilName ??= demo.councilName;
    boundary = demo.boundary;
    isDemo = true;
  }

  setAppContext({
    readModel: store,
    config: {
      ...DEFAULT_PUBLIC_CONFIG,
      councilName: councilName ?? DEFAULT_PUBLIC_CONFIG.councilName,
      isDemo,
      tileUrl: env.SNOWLINE_TILE_URL,
      tileAttribution: env.SNOWLINE_TILE_ATTRIBUTION,
      publicUrl: env.SNOWLINE_PUBLIC_URL ?? null,
      logoUrl: env.SNOWLINE_COUNCIL_LOGO_URL ?? DEFAULT_PUBLIC_CONFIG.logoUrl,
      brandColour: env.SNOWLINE_BRAND_COLOUR,
      boundary,
    },
  });
  const web = await createNextHandler({ dev, dir: PROJECT_ROOT });
  const server = await createSnowlineServer({ store, bus, clock, logger, web });
  const url = await server.listen(env.PORT, env.HOST);

  logger.info({ url }, "Snowline is listening");
  console.log(`\nSnowline is running at ${url}`);
  console.log(`API: ${url}/api/v1/openapi.json`);
  console.log("To post changes, create an API token in another terminal: npx snowline token add NAME\n");

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    logger.info({ signal }, "shutting down");
    await server.close();
    await bus.close();
    await store.close();
    process.exit(0);
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
}

main().catch((error: unknown) => {
  console.error(error instanceof EnvError ? error.message : error);
  process.exit(1);
});
