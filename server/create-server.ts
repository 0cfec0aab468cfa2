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
import { applySecurityHeaders, sharedPagePolicy } from "./http/frame-headers";
import { claimCacheFill } from "./http/public-cache/cache-fill-request";
import { createPublicDataVersion } from "./http/public-cache/data-version";
import { inlineScriptHashes } from "./http/public-cache/inline-script-hashes";
import { createLoopback } from "./http/public-cache/loopback";
import { createPublicCache, DEFAULT_PUBLIC_CACHE_MB, type PublicCache } from "./http/public-cache/public-cache";
import { spendPublicRead } from "./http/rate-limit";
import { watchAssets } from "./http/public-cache/assets-watch";
import { trackInFlightRequests } from "./http/in-flight-requests";
import type { StaticFiles } from "./web/static-files";
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
  /** Memory for public reads served from memory (SNOWLINE_PUBLIC_CACHE_MB); 0 turns the cache off. */
  publicCacheBytes?: number;
  /** Next.js's build files, precompressed and served before Next (production only). */
  staticFiles?: StaticFiles;
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
  /** Public reads served from memory; null when turned off. */
  publicCache: PublicCache | null;
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
  // What the public cache's entries are made from. Bumped on the committing node before its write
  // answers, so whoever GETs after their POST returned never gets an entry from before it.
  const publicVersion = createPublicDataVersion();
  const assetsAtStart = await store.openData.assetsStamp();
  const changes = createChangeService({
    store,
    bus: outbox,
    clock,
    logger,
    // publish() runs once per committed batch on the committing node: the one place to fill the outbox.
    onCommitted: async (batch) => {
      publicVersion.sawSeq(batch.toSeq);
      // This node's own clients need not wait for the bus to bring the batch back.
      fanout.receive(batch);
      if (await store.webhooks.enqueue(batch, clock.now())) webhookWorker.wake();
    },
  });
  const notices = createNoticeService({ store, bus: outbox, clock, logger, onChanged: () => publicVersion.noticesChanged() });
  const consoleOptions = deps.console ?? {};
  const auth = createAuthService({
    store,
    clock,
    logger,
    throttle: deps.throttle,
    policy: consoleOptions.sessionPolicy ?? DEFAULT_SESSION_POLICY,
  });
  const users = createUserAdmin({ store, clock, logger });
  const rateLimits = deps.rateLimits ?? createRateLimits({ type: "memory" });
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
    announceAssetsChanged: () => {
      publicVersion.assetsChanged();
      void outbox.publish({ type: "assets" }).catch(() => {});
    },
    webhookTargets,
    auth,
    users,
    consoleSettings,
    publicUrl: consoleOptions.publicUrl ?? config.publicUrl,
    // Realtime is attached to the HTTP server made below; /readyz only asks once it is listening.
    socketCounts: () => realtime.counts(),
    publicCacheStats: () => publicCache?.stats() ?? null,
    rateLimits,
    trustProxy: deps.trustProxy ?? false,
  });
  const apiListener = getRequestListener(api.fetch, { overrideGlobalObjects: false });

  const requests = trackInFlightRequests();
  const security = { isHttps: (consoleOptions.publicUrl ?? config.publicUrl)?.startsWith("https:") === true, allowEval: deps.isDev === true };
  const publicCacheBytes = deps.publicCacheBytes ?? DEFAULT_PUBLIC_CACHE_MB * 1024 * 1024;
  const loopback = createLoopback(() => {
    const address = httpServer.address();
    if (!address || typeof address === "string") return null;
    const host = address.address === "0.0.0.0" ? "127.0.0.1" : address.address === "::" ? "::1" : address.address;
    return { host, port: address.port };
  });
  const publicCache =
    publicCacheBytes > 0
      ? createPublicCache({
          maxBytes: publicCacheBytes,
          clock,
          version: publicVersion,
          hasWebPages: web !== undefined,
          fetchAnonymous: (pathAndQuery) => loopback.get(pathAndQuery),
          pagePolicy: (path, html) => sharedPagePolicy(path, inlineScriptHashes(html), security),
          spendRead: (req) => spendPublicRead(rateLimits, req, deps.trustProxy ?? false),
          onError: (error, path) => logger.warn({ err: error, path }, "public cache could not fill an entry"),
        })
      : null;
  const httpServer = createServer((req, res) => {
    requests.track(res);
    const isFill = claimCacheFill(req);
    // First, before any router or nonce: a public read made once per data version, from memory.
    if (!isFill && publicCache?.serve(req, res, () => route(req, res, false))) return;
    if (deps.staticFiles?.serve(req, res, () => route(req, res, isFill))) return;
    route(req, res, isFill);
  });
  function route(req: IncomingMessage, res: ServerResponse, isFill: boolean): void {
    const path = (req.url ?? "/").split("?")[0]!;
    const isData = API_PATH.test(path) || !web;
    applySecurityHeaders(path, req, res, isData ? "data" : "page", security, isFill);
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
  }
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
    emit: (message) => {
      // Batches read back from the store (a lost publish) reach the cache's version here.
      publicVersion.sawSeq(message.seq);
      realtime.broadcast(message);
    },
    onError: (error) => logger.error({ err: error }, "fan-out could not read the store"),
  });
  const dueTransitions = startDueTransitionJob({ store, clock, logger, onBatch: (batch) => changes.publish(batch) });
  const unsubscribe = bus.subscribe((message) => {
    if (message.type === "notices") {
      publicVersion.noticesChanged();
      void realtime.sendNotices();
      return;
    }
    if (message.type === "assets") {
      publicVersion.assetsChanged();
      return;
    }
    publicVersion.sawSeq(message.batch.toSeq);
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
  const assetsWatch = watchAssets({
    initial: assetsAtStart,
    stamp: () => store.openData.assetsStamp(),
    onChange: () => publicVersion.assetsChanged(),
    everyMs: deps.gapPollMs ?? GAP_POLL_MS,
    onError: (error) => logger.debug({ err: error }, "could not read the assets' stamp"),
  });

  let closed: Promise<void> | null = null;
  async function close(): Promise<void> {
    requests.beginClosing();
    clearInterval(heartbeat);
    clearInterval(gapPoll);
    assetsWatch.stop();
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
    loopback.close();
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
    publicCache,
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
