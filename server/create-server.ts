import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Duplex } from "node:stream";
import { getRequestListener } from "@hono/node-server";
import type { ConsoleSettings } from "../lib/auth/console-context";
import { DEFAULT_SESSION_POLICY, type SessionPolicy } from "../lib/auth/session-policy";
import type { Clock } from "../lib/domain/clock";
import { DEFAULT_PUBLIC_CONFIG, type PublicConfig } from "../lib/public-config";
import { OrderedFanout } from "../lib/realtime/ordered-fanout";
import type { SocketLimits } from "../lib/realtime/socket-limits";
import type { Store } from "../lib/store/store";
import { createAuthService, type AuthService } from "./auth/auth-service";
import type { LoginThrottle } from "./auth/login-throttle";
import { createUserAdmin, type UserAdmin } from "./auth/user-admin";
import type { Bus } from "./bus/bus";
import { queuePublishes } from "./bus/publish-queue";
import { createChangeService, type ChangeService } from "./changes/change-service";
import { createNoticeService, type NoticeService } from "./notices/notice-service";
import { createApi } from "./http/api";
import { createRateLimits, type RateLimits } from "./http/rate-limit";
import { startDueTransitionJob, type DueTransitionJob } from "./jobs/due-transition-job";
import type { Logger } from "./logger";
import { attachRealtime, type Realtime } from "./realtime/socket-server";
import { isMalformedPath, sendErrorPage } from "./http/error-page";
import { applySecurityHeaders } from "./http/frame-headers";
import { trackInFlightRequests } from "./http/in-flight-requests";
import type { AllowedWebhookHosts } from "../lib/webhooks/webhook-target";
import { createWebhookPoster } from "./webhooks/post-webhook";
import { createWebhookTargets } from "./webhooks/webhook-targets";
import { startWebhookWorker, type WebhookWorker } from "./webhooks/webhook-worker";

/** The web front end (Next.js in production); tests may run the server without one. */
export interface WebHandler {
  handle(req: IncomingMessage, res: ServerResponse): Promise<void>;
  upgrade?(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void>;
}

export interface SnowlineServerDeps {
  store: Store;
  bus: Bus;
  clock: Clock;
  logger: Logger;
  /** Counts failed sign-ins. Required: memory suits one process only (tests), so the caller must choose. */
  throttle: LoginThrottle;
  web?: WebHandler;
  heartbeatMs?: number;
  /** How often a node reads the store's head while the bus is unhealthy, to deliver what the bus dropped. */
  gapPollMs?: number;
  /** How long `close()` lets requests in flight finish before it ends their connections. */
  drainMs?: number;
  /** Site settings for feeds and links; defaults to DEFAULT_PUBLIC_CONFIG. */
  config?: PublicConfig;
  /**
   * Tests turn the automatic loop off and drive deliveries with a manual clock. `allowedHosts`
   * (SNOWLINE_WEBHOOK_ALLOWED_HOSTS) are internal hosts webhooks may reach all the same.
   */
  webhooks?: { autoRun?: boolean; allowedHosts?: AllowedWebhookHosts };
  console?: ConsoleOptions;
  /** Budgets of writes and public reads (defaults: in memory, DEFAULT_RATE_LIMITS); Redis-backed ones count across nodes. */
  rateLimits?: RateLimits;
  /** Limits on anonymous sockets (defaults: DEFAULT_SOCKET_LIMITS) and how often refusals are summarised in the log. */
  realtime?: { limits?: SocketLimits; summaryMs?: number };
  /** Next.js in development mode needs 'unsafe-eval' in the page CSP; production never does. */
  isDev?: boolean;
  /** SNOWLINE_TRUST_PROXY: read the client's address from the last X-Forwarded-For hop (default false). */
  trustProxy?: boolean;
}

/** Sign-in and console settings; every field has a default so tests can leave them out. */
export interface ConsoleOptions {
  sessionPolicy?: SessionPolicy;
  settings?: Partial<ConsoleSettings>;
  publicUrl?: string | null;
}

export interface SnowlineServer {
  httpServer: Server;
  changes: ChangeService;
  notices: NoticeService;
  auth: AuthService;
  users: UserAdmin;
  realtime: Realtime;
  dueTransitions: DueTransitionJob;
  webhookWorker: WebhookWorker;
  /** The seq this node has delivered to its clients. */
  deliveredSeq(): number;
  /** Every method and path the HTTP API answers (Hono's route table), for the contract test. */
  apiRoutes: readonly { method: string; path: string }[];
  listen(port: number, host?: string): Promise<string>;
  close(): Promise<void>;
}

export const HEARTBEAT_MS = 15_000;
export const GAP_POLL_MS = 1_000;
export const DRAIN_MS = 10_000;
// Data (API, open-data feeds, oEmbed) goes to Hono; pages, the embed widget and static files to Next.
const API_PATH = /^\/(api\/|healthz$|readyz$|feeds\/|oembed$)/;

/** Wires one Snowline node: HTTP API, Next.js pages and Socket.IO on one port, fed by the bus. */
export async function createSnowlineServer(deps: SnowlineServerDeps): Promise<SnowlineServer> {
  const { store, bus, clock, logger, web } = deps;
  const config = deps.config ?? DEFAULT_PUBLIC_CONFIG;
  const webhookTargets = createWebhookTargets(deps.webhooks?.allowedHosts);
  const webhookWorker = startWebhookWorker({
    repository: store.webhooks,
    clock,
    logger,
    autoRun: deps.webhooks?.autoRun ?? true,
    post: createWebhookPoster(webhookTargets),
  });
  // Writes hand their messages to this queue and answer at once; Redis being slow or away never
  // holds them up. While it is away every publish fails at once: log the first and every hundredth.
  let failedPublishes = 0;
  const outbox = queuePublishes(bus, {
    onError: (error) => {
      failedPublishes += 1;
      if (failedPublishes % 100 === 1) logger.error({ err: error, failedPublishes }, "publish failed; nodes will catch up from the store");
    },
  });
  const changes = createChangeService({
    store,
    bus: outbox,
    clock,
    logger,
    // publish() runs once per committed batch on the committing node: the one place to fill the outbox.
    onCommitted: async (batch) => {
      // This node's own clients need not wait for the bus to bring the batch back.
      fanout.receive(batch);
      if (await store.webhooks.enqueue(batch, clock.now())) webhookWorker.wake();
    },
  });
  const notices = createNoticeService({ store, bus: outbox, clock, logger });
  const consoleOptions = deps.console ?? {};
  const auth = createAuthService({
    store,
    clock,
    logger,
    throttle: deps.throttle,
    policy: consoleOptions.sessionPolicy ?? DEFAULT_SESSION_POLICY,
  });
  const users = createUserAdmin({ store, clock, logger });
  const consoleSettings: ConsoleSettings = { officersMayPostNotices: false, ...consoleOptions.settings };
  const api = createApi({
    store,
    bus,
    clock,
    logger,
    changes,
    notices,
    config,
    wakeWebhookWorker: () => webhookWorker.wake(),
    webhookTargets,
    auth,
    users,
    consoleSettings,
    publicUrl: consoleOptions.publicUrl ?? config.publicUrl,
    // Realtime is attached to the HTTP server made below; /readyz only asks once it is listening.
    socketCounts: () => realtime.counts(),
    rateLimits: deps.rateLimits ?? createRateLimits({ type: "memory" }),
    trustProxy: deps.trustProxy ?? false,
  });
  const apiListener = getRequestListener(api.fetch, { overrideGlobalObjects: false });

  const requests = trackInFlightRequests();
  const security = { isHttps: (consoleOptions.publicUrl ?? config.publicUrl)?.startsWith("https:") === true, allowEval: deps.isDev === true };
  const httpServer = createServer((req, res) => {
    requests.track(res);
    const path = (req.url ?? "/").split("?")[0]!;
    const isData = API_PATH.test(path) || !web;
    applySecurityHeaders(path, req, res, isData ? "data" : "page", security);
    // Next.js answered these with a plain-text 500; Hono with a 404 naming garbage. Say what is wrong.
    if (isMalformedPath(path)) {
      const message = "Part of the address is not valid percent-encoding. Check the link and try again.";
      if (isData) res.writeHead(400, { "Content-Type": "application/json; charset=utf-8" }).end(JSON.stringify({ error: { status: 400, message } }));
      else sendErrorPage(res, 400, "This address is not valid", message);
      return;
    }
    if (isData) {
      void apiListener(req, res);
      return;
    }
    web.handle(req, res).catch((error: unknown) => {
      logger.error({ err: error, path }, "page failed");
      if (!res.headersSent) sendErrorPage(res, 500, "Something went wrong", "This page could not be shown. Please try again in a moment.");
      else res.destroy();
    });
  });
  httpServer.on("upgrade", (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    if (req.url?.startsWith("/socket.io/")) return;
    if (web?.upgrade) void web.upgrade(req, socket, head);
    else socket.destroy();
  });

  const realtime = attachRealtime(httpServer, {
    readModel: store,
    logger,
    clock,
    limits: deps.realtime?.limits,
    summaryMs: deps.realtime?.summaryMs,
    // Only called on a resume, once the fan-out below exists.
    recentChanges: (since) => fanout.recentSince(since),
    trustProxy: deps.trustProxy ?? false,
  });
  const fanout = new OrderedFanout({
    startSeq: await store.headSeq(),
    fetchRange: (fromSeq, toSeq) => store.changesInRange(fromSeq, toSeq),
    headSeq: () => store.headSeq(),
    emit: (message) => realtime.broadcast(message),
    onError: (error) => logger.error({ err: error }, "fan-out could not read the store"),
  });
  const dueTransitions = startDueTransitionJob({ store, clock, logger, onBatch: (batch) => changes.publish(batch) });
  const unsubscribe = bus.subscribe((message) => {
    if (message.type === "notices") {
      void realtime.sendNotices();
      return;
    }
    fanout.receive(message.batch);
    dueTransitions.wake();
  });
  const heartbeat = setInterval(() => {
    fanout
      .catchUp()
      .catch((error: unknown) => logger.error({ err: error }, "fan-out catch-up failed"))
      .finally(() => realtime.heartbeat(fanout.seq));
  }, deps.heartbeatMs ?? HEARTBEAT_MS);
  heartbeat.unref();
  // While the bus is unhealthy its messages may be lost: read the head often so every client
  // still gets each change within seconds, not at the next heartbeat. One more read once it is
  // back covers what went missing while it reconnected.
  let wasBusUnhealthy = false;
  const gapPoll = setInterval(() => {
    const isHealthy = bus.isHealthy();
    if (isHealthy && !wasBusUnhealthy) return;
    fanout
      .catchUp()
      .then(() => (wasBusUnhealthy = !isHealthy))
      .catch((error: unknown) => logger.error({ err: error }, "fan-out catch-up failed"));
    if (!isHealthy) wasBusUnhealthy = true;
  }, deps.gapPollMs ?? GAP_POLL_MS);
  gapPoll.unref();

  let closed: Promise<void> | null = null;
  async function close(): Promise<void> {
    requests.beginClosing();
    clearInterval(heartbeat);
    clearInterval(gapPoll);
    // Stop accepting connections; resolves once every connection has ended.
    const stopped = new Promise<void>((resolve) => httpServer.close(() => resolve()));
    // Clients see their transport close and reconnect (through the load balancer, to another node).
    await realtime.close();
    httpServer.closeIdleConnections();
    await requests.finished(deps.drainMs ?? DRAIN_MS);
    unsubscribe();
    dueTransitions.stop();
    webhookWorker.stop();
    fanout.close();
    await outbox.drain(1_000);
    httpServer.closeAllConnections();
    await stopped;
  }

  return {
    httpServer,
    changes,
    notices,
    auth,
    users,
    realtime,
    dueTransitions,
    webhookWorker,
    deliveredSeq: () => fanout.seq,
    apiRoutes: api.routes,
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        httpServer.once("error", reject);
        httpServer.listen(port, host, () => {
          const address = httpServer.address() as AddressInfo;
          const shownHost = !host || host === "0.0.0.0" || host === "::" ? "localhost" : host;
          resolve(`http://${shownHost}:${address.port}`);
        });
      }),
    /**
     * Stops gracefully: no new connections, sockets told to reconnect elsewhere, requests in
     * flight answered (for up to `drainMs`). The store may be closed once this resolves.
     */
    close: () => (closed ??= close()),
  };
}
