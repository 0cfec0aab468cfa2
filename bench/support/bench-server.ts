// A production-like Snowline node for benchmarks: API and Socket.IO (no pages), on a fresh SQLite
// database (or DATABASE_URL / REDIS_URL if set), seeded with the demo council. Prints "READY <url> <token>".
// Every bench client shares 127.0.0.1, so the per-address socket limits step aside. Started with an
// IPC channel (and --expose-gc), it answers "heap" with its heap after a full GC (benchHeap).
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pino } from "pino";
import { systemClock } from "../../lib/domain/clock";
import { generateDemoCouncil } from "../../lib/demo/generate-demo-council";
import { DEFAULT_SOCKET_LIMITS } from "../../lib/realtime/socket-limits";
import { openPostgresStore } from "../../lib/store/postgres-store";
import { openSqliteStore } from "../../lib/store/sqlite-store";
import { createLoginThrottle } from "../../server/auth/login-throttle";
import { createInProcessBus } from "../../server/bus/in-process-bus";
import { createRedisBus } from "../../server/bus/redis-bus";
import { createSnowlineServer } from "../../server/create-server";
import { answerHeapRequests } from "./bench-heap";

const store = process.env.DATABASE_URL
  ? await openPostgresStore({ url: process.env.DATABASE_URL, schema: process.env.BENCH_SCHEMA })
  : await openSqliteStore(mkdtempSync(join(tmpdir(), "snowline-bench-")));
if ((await store.countAssets()) === 0) await store.upsertAssets(generateDemoCouncil().assets, Date.now());
const bus = process.env.REDIS_URL
  ? await createRedisBus({ url: process.env.REDIS_URL, namespace: process.env.BENCH_NAMESPACE ?? "snowline-bench" })
  : createInProcessBus();
const server = await createSnowlineServer({
  store,
  bus,
  clock: systemClock,
  logger: pino({ level: "warn" }),
  throttle: createLoginThrottle(store.driverConnection()),
  realtime: {
    limits: {
      ...DEFAULT_SOCKET_LIMITS,
      perAddress: { burst: 1_000_000, perSecond: 1_000_000 },
      maxConnectionsPerAddress: 1_000_000,
      maxConnections: 1_000_000,
    },
  },
});
answerHeapRequests();
const url = await server.listen(Number(process.env.PORT ?? 0), "127.0.0.1");
const { token } = await store.tokens.create("bench", Date.now());
console.log(`READY ${url} ${token}`);
process.on("SIGTERM", () => void server.close().then(() => process.exit(0)));
