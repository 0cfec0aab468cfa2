import { pino, type Logger } from "pino";
import { ManualClock, type Clock } from "../../lib/domain/clock";
import type { SocketLimits } from "../../lib/realtime/socket-limits";
import type { Store } from "../../lib/store/store";
import { openLiveSocket, type LiveSocket } from "../../components/live/live-socket";
import { createLoginThrottle, type LoginThrottle } from "../../server/auth/login-throttle";
import type { Bus } from "../../server/bus/bus";
import type { RateLimits } from "../../server/http/rate-limit";
import { createInProcessBus } from "../../server/bus/in-process-bus";
import type { StaticFiles } from "../../server/web/static-files";
import { createSnowlineServer, type ConsoleOptions, type SnowlineServer, type WebHandler } from "../../server/create-server";
import { sampleAssets, T0 } from "./fixtures";
import { sqliteFactory, type StoreFactory } from "./stores";

export type TestClient = LiveSocket;

export interface TestServer {
  url: string;
  store: Store;
  bus: Bus;
  clock: Clock;
  server: SnowlineServer;
  token: string;
  post(body: unknown, init?: { token?: string | null; contentType?: string }): Promise<Response>;
  /** Cookie and CSRF headers of a signed-in administrator (created on first use), for admin endpoints. */
  adminHeaders(): Promise<Record<string, string>>;
  /** Connects a client; `beforeConnect` may attach listeners for what the server sends on connect. */
  client(beforeConnect?: (socket: TestClient) => void): Promise<TestClient>;
  close(): Promise<void>;
}

export async function startTestServer(
  options: {
    storeFactory?: StoreFactory;
    bus?: Bus;
    clock?: Clock;
    heartbeatMs?: number;
    seed?: boolean;
    /** `allowedHosts` lets webhooks reach a receiver on this machine (127.0.0.1), as SNOWLINE_WEBHOOK_ALLOWED_HOSTS does. */
    webhooks?: { autoRun?: boolean; allowedHosts?: string[] };
    /** Sign-in counting; memory by default, as a test server is one process. */
    throttle?: LoginThrottle;
    console?: ConsoleOptions;
    /** Silent unless TEST_LOG_LEVEL says otherwise; tests that check what is logged pass their own. */
    logger?: Logger;
    socketLimits?: SocketLimits;
    /** How often the summary of invalid or refused socket events is logged. */
    socketSummaryMs?: number;
    /** Write and public read budgets; generous in-memory ones by default. */
    rateLimits?: RateLimits;
    /** SNOWLINE_TRUST_PROXY: addresses come from the last X-Forwarded-For hop. */
    trustProxy?: boolean;
    /** Bytes for the public cache (its production default unless given; 0 turns it off). */
    publicCacheBytes?: number;
    /** A stand-in web front end, for tests of how pages are cached without building Next.js. */
    web?: WebHandler;
    staticFiles?: StaticFiles;
  } = {},
): Promise<TestServer> {
  const { store, dispose } = await (options.storeFactory ?? sqliteFactory).open();
  if (options.seed !== false) await store.upsertAssets(sampleAssets(), T0);
  const bus = options.bus ?? createInProcessBus();
  const clock = options.clock ?? new ManualClock(T0);
  const logger = options.logger ?? pino({ level: process.env.TEST_LOG_LEVEL ?? "silent" });
  const server = await createSnowlineServer({
    store,
    bus,
    clock,
    logger,
    throttle: options.throttle ?? createLoginThrottle({ type: "memory" }),
    heartbeatMs: options.heartbeatMs,
    // Tests drive webhook deliveries by hand unless they ask for the automatic loop.
    webhooks: { autoRun: options.webhooks?.autoRun ?? false, allowedHosts: new Set(options.webhooks?.allowedHosts ?? []) },
    console: options.console,
    rateLimits: options.rateLimits,
    publicCacheBytes: options.publicCacheBytes,
    web: options.web,
    staticFiles: options.staticFiles,
    realtime: { limits: options.socketLimits, summaryMs: options.socketSummaryMs },
    trustProxy: options.trustProxy,
  });
  const url = await server.listen(0, "127.0.0.1");
  const { token } = await store.tokens.create("test", clock.now());
  const clients: TestClient[] = [];
  let adminCreated: Promise<unknown> | null = null;

  const testServer: TestServer = {
    url,
    store,
    bus,
    clock,
    server,
    token,
    post(body, init = {}) {
      const headers: Record<string, string> = { "content-type": init.contentType ?? "application/json" };
      const bearer = init.token === undefined ? token : init.token;
      if (bearer) headers.authorization = `Bearer ${bearer}`;
      return fetch(`${url}/api/v1/changes`, {
        method: "POST",
        headers,
        body: typeof body === "string" ? body : JSON.stringify(body),
      });
    },
    // A fresh session each time: tests that move the clock by hours would outlive an old one.
    async adminHeaders() {
      const { addUser, signIn } = await import("./console-client");
      adminCreated ??= addUser(testServer, { email: "admin@test.invalid", name: "Test Admin", role: "admin" });
      await adminCreated;
      const session = await signIn(testServer, "admin@test.invalid");
      return { cookie: session.cookie, "x-csrf-token": session.csrfToken };
    },
    async client(beforeConnect) {
      const socket = openLiveSocket({ transports: ["websocket"], forceNew: true, reconnection: false, autoConnect: false }, url);
      clients.push(socket);
      beforeConnect?.(socket);
      socket.connect();
      await new Promise<void>((resolve, reject) => {
        socket.once("connect", () => resolve());
        socket.once("connect_error", reject);
      });
      return socket;
    },
    async close() {
      clients.forEach((c) => c.disconnect());
      await server.close();
      await bus.close();
      await dispose();
    },
  };
  return testServer;
}
