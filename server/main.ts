import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { setAppContext } from "../lib/app-context";
import { withLastKnown } from "../lib/last-known-read-model";
import { createConsoleContext, type ConsoleSettings } from "../lib/auth/console-context";
import type { SessionPolicy } from "../lib/auth/session-policy";
import { systemClock } from "../lib/domain/clock";
import { DEFAULT_PUBLIC_CONFIG, type PublicConfig } from "../lib/public-config";
import { DEFAULT_SOCKET_LIMITS } from "../lib/realtime/socket-limits";
import { openBackends } from "./compose";
import { EnvError, parseEnv, publicUrlOf } from "./config/env";
import { createSnowlineServer } from "./create-server";
import { ensureDemoAdmin } from "./demo/demo-admin";
import { seedDemoIfEmpty } from "./demo/seed-demo";
import { createLogger } from "./logger";
import { createNextHandler } from "./web/next-handler";
import { createStaticFiles } from "./web/static-files";

const PROJECT_ROOT = resolve(fileURLToPath(new URL("..", import.meta.url)));

/** The composition root: the only place that chooses concrete parts from the environment. */
async function main(): Promise<void> {
  const dev = process.argv.includes("--dev");
  // Next.js reads NODE_ENV to pick its mode; its types mark it read-only.
  (process.env as Record<string, string | undefined>).NODE_ENV ??= dev ? "development" : "production";
  const env = parseEnv();
  const publicUrl = publicUrlOf(env);
  const logger = createLogger(env.LOG_LEVEL);
  const clock = systemClock;

  const backends = await openBackends(env, logger);
  const { store, bus, throttle, rateLimits } = backends;
  const sessionPolicy: SessionPolicy = {
    idleMs: env.SNOWLINE_SESSION_IDLE_MINUTES * 60_000,
    absoluteMs: env.SNOWLINE_SESSION_MAX_HOURS * 3_600_000,
  };
  const consoleSettings: ConsoleSettings = { officersMayPostNotices: env.SNOWLINE_OFFICERS_MAY_POST_NOTICES };

  let councilName = env.SNOWLINE_COUNCIL_NAME;
  let isDemo = false;
  let demoAdmin: { email: string; password: string } | null = null;
  let boundary: PublicConfig["boundary"] = null;
  if (env.SNOWLINE_DEMO) {
    const demo = await seedDemoIfEmpty(store, clock.now(), { schools: env.SNOWLINE_DEMO_SCHOOLS });
    if (demo.seeded) logger.info("loaded the demo council into the empty database");
    demoAdmin = await ensureDemoAdmin(store, clock.now(), demo.seeded);
    councilName ??= demo.councilName;
    boundary = demo.boundary;
    isDemo = true;
  }

  const config: PublicConfig = {
    ...DEFAULT_PUBLIC_CONFIG,
    councilName: councilName ?? DEFAULT_PUBLIC_CONFIG.councilName,
    isDemo,
    tileUrl: env.SNOWLINE_TILE_URL,
    tileAttribution: env.SNOWLINE_TILE_ATTRIBUTION,
    publicUrl,
    dataLicence: {
      name: env.SNOWLINE_DATA_LICENCE_NAME,
      url: env.SNOWLINE_DATA_LICENCE_URL,
      // The demo council is made up, so its default attribution names no real council.
      attribution: env.SNOWLINE_DATA_ATTRIBUTION ?? `Contains public sector information licensed under the ${env.SNOWLINE_DATA_LICENCE_NAME}.`,
    },
    logoUrl: env.SNOWLINE_COUNCIL_LOGO_URL ?? DEFAULT_PUBLIC_CONFIG.logoUrl,
    brandColour: env.SNOWLINE_BRAND_COLOUR,
    boundary,
  };
  setAppContext({
    readModel: withLastKnown(store, () => clock.now()),
    config,
    console: createConsoleContext({ store, clock, policy: sessionPolicy, settings: consoleSettings }),
  });
  const web = await createNextHandler({ dev, dir: PROJECT_ROOT });
  const server = await createSnowlineServer({
    store,
    bus,
    clock,
    logger,
    throttle,
    rateLimits,
    realtime: {
      limits: { ...DEFAULT_SOCKET_LIMITS, maxConnectionsPerAddress: env.SNOWLINE_SOCKETS_PER_ADDRESS, maxConnections: env.SNOWLINE_SOCKETS_MAX },
    },
    web,
    // In development pages change with every edit: no cache.
    publicCacheBytes: dev ? 0 : env.SNOWLINE_PUBLIC_CACHE_MB * 1024 * 1024,
    staticFiles: dev ? undefined : createStaticFiles(join(PROJECT_ROOT, ".next", "static")),
    config,
    webhooks: { allowedHosts: env.SNOWLINE_WEBHOOK_ALLOWED_HOSTS },
    isDev: dev,
    trustProxy: env.SNOWLINE_TRUST_PROXY,
    console: {
      sessionPolicy,
      settings: consoleSettings,
      publicUrl,
    },
  });
  const url = await server.listen(env.PORT, env.HOST);

  logger.info({ url }, "Snowline is listening");
  console.log(`\nSnowline is running at ${url}`);
  console.log(`API: ${url}/api/v1/openapi.json`);
  console.log(`Officers' console: ${url}/console`);
  if (demoAdmin) {
    console.log("\n*** DEMO ONLY: made-up council, throwaway administrator. Never use these on a real site. ***");
    console.log(`    Sign in at ${url}/sign-in as ${demoAdmin.email}`);
    console.log(`    Password (new on every demo start): ${demoAdmin.password}`);
  } else {
    console.log("Create a console account in another terminal: npx snowline user add EMAIL --role admin");
  }
  console.log("To post changes from another system, create an API token: npx snowline token add NAME\n");

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    logger.info({ signal }, "shutting down");
    // close() lets requests finish for up to 10 s; never let a stuck one keep the process alive.
    setTimeout(() => process.exit(1), 20_000).unref();
    await server.close();
    await backends.close();
    process.exit(0);
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
}

main().catch((error: unknown) => {
  console.error(error instanceof EnvError ? error.message : error);
  process.exit(1);
});
