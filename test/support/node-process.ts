// One Snowline node (API and Socket.IO, no pages) on PostgreSQL and Redis, for multi-process tests.
// Prints "READY <url>" when listening.
import { Redis } from "ioredis";
import { pino } from "pino";
import { systemClock } from "../../lib/domain/clock";
import { openPostgresStore } from "../../lib/store/postgres-store";
import { createLoginThrottle } from "../../server/auth/login-throttle";
import { createRedisBus } from "../../server/bus/redis-bus";
import { createSnowlineServer } from "../../server/create-server";

const { TEST_DATABASE_URL, TEST_SCHEMA, TEST_REDIS_URL, TEST_NAMESPACE } = process.env;
const store = await openPostgresStore({ url: TEST_DATABASE_URL!, schema: TEST_SCHEMA! });
const bus = await createRedisBus({ url: TEST_REDIS_URL!, namespace: TEST_NAMESPACE! });
// Sign-in throttling shared through Redis, as server/main.ts does with REDIS_URL.
const throttleClient = new Redis(TEST_REDIS_URL!);
throttleClient.on("error", () => {});
const throttle = createLoginThrottle({ type: "redis", client: throttleClient, namespace: TEST_NAMESPACE! });
const server = await createSnowlineServer({ store, bus, clock: systemClock, logger: pino({ level: "silent" }), console: { throttle } });
const url = await server.listen(0, "127.0.0.1");
console.log(`READY ${url}`);

process.on("SIGTERM", () => {
  throttleClient.disconnect();
  void server.close().then(() => bus.close()).then(() => store.close()).then(() => process.exit(0));
});
