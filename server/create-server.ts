import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Duplex } from "node:stream";
import { getRequestListener } from "@hono/node-server";
import type { ConsoleSettings } from "../lib/auth/console-context";
import { DEFAULT_SESSION_POLICY, type SessionPolicy } from "../lib/auth/session-policy";
import type { Clock } from "../lib/domain/clock";
import { DEFAULT_PUBLIC_CONFIG, type PublicConfig } from "../lib/public-config";
import { OrderedFanout } from "../lib/realtime/ordered-fanout";
import type { Store } from "../lib/store/store";
import { createAuthService, type AuthService } from "./auth/auth-service";
import type { LoginThrottle } from "./auth/login-throttle";
import { createUserAdmin, type UserAdmin } from "./auth/user-admin";
import type { Bus } from "./bus/bus";
import { createChangeService, type ChangeService } from "./changes/change-service";
import { createNoticeService, type NoticeService } from "./notices/notice-service";
import { sessionAdminGuard, type AdminGuard } from "./http/admin-guard";
import { createApi } from "./http/api";
import { startDueTransitionJob, type DueTransitionJob } from "./jobs/due-transition-job";
import type { Logger } from "./logger";
import { attachRealtime, type Realtime } from "./realtime/socket-server";
import { applyFrameHeaders } from "./http/frame-headers";
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
  /** Who may import and export assets and manage webhooks; by default, signed-in administrators. */
  adminGuard?: AdminGuard;
  /** Site settings for feeds and links; defaults to DEFAULT_PUBLIC_CONFIG. */
  config?: PublicConfig;
  /**
   * Tests turn the automatic loop off and drive deliveries with a manual clock. `allowedHosts`
   * (SNOWLINE_WEBHOOK_ALLOWED_HOSTS) are internal hosts webhooks may reach all the same.
   */
  webhooks?: { autoRun?: boolean; allowedHosts?: AllowedWebhookHosts };
  console?: ConsoleOptions;
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
  listen(port: number, host?: string): Promise<string>;
  close(): Promise<void>;
}

export const HEARTBEAT_MS = 15_000;
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
  const changes = createChangeService({
    store,
    bus,
    clock,
    logger,
    // publish() runs once per committed batch on the committing node: the one place to fill the outbox.
    onCommitted: async (batch) => {
      if (await store.webhooks.enqueue(batch, clock.now())) webhookWorker.wake();
    },
  });
  const notices = createNoticeService({ store, bus, clock, logger });
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
  const adminGuard = deps.adminGuard ?? sessionAdminGuard;
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
    adminGuard,
    auth,
    users,
    consoleSettings,
    publicUrl: consoleOptions.publicUrl ?? config.publicUrl,
  });
  const apiListener = getRequestListener(api.fetch, { overrideGlobalObjects: false });

  const httpServer = createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0]!;
    applyFrameHeaders(path, res);
    if (API_PATH.test(path) || !web) {
      void apiListener(req, res);
      return;
    }
    web.handle(req, res).catch((error: unknown) => {
      logger.error({ err: error, path }, "page failed");
      if (!res.headersSent) res.writeHead(500).end("Internal error");
    });
  });
  httpServer.on("upgrade", (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    if (req.url?.startsWith("/socket.io/")) return;
    if (web?.upgrade) void web.upgrade(req, socket, head);
    else socket.destroy();
  });

  const realtime = attachRealtime(httpServer, { readModel: store, logger, now: () => clock.now() });
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
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        httpServer.once("error", reject);
        httpServer.listen(port, host, () => {
          const address = httpServer.address() as AddressInfo;
          const shownHost = !host || host === "0.0.0.0" || host === "::" ? "localhost" : host;
          resolve(`http://${shownHost}:${address.port}`);
        });
      }),
    async close() {
      clearInterval(heartbeat);
      unsubscribe();
      dueTransitions.stop();
      webhookWorker.stop();
      fanout.close();
      await realtime.close();
      httpServer.closeAllConnections();
      await new Promise<void>((resolve) => httpServer.close(() => resolve()));
    },
  };
}
