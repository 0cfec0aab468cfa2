import type { ConsoleSettings } from "../../lib/auth/console-context";
import type { Clock } from "../../lib/domain/clock";
import type { PublicConfig } from "../../lib/public-config";
import type { Store } from "../../lib/store/store";
import type { Bus } from "../bus/bus";
import type { ChangeService } from "../changes/change-service";
import type { AuthService } from "../auth/auth-service";
import type { UserAdmin } from "../auth/user-admin";
import type { Logger } from "../logger";
import type { NoticeService } from "../notices/notice-service";
import type { WebhookTargets } from "../webhooks/webhook-targets";
import type { SocketCounts } from "../realtime/socket-counters";
import type { RateLimits } from "./rate-limit";
import type { PublicCacheStats } from "./public-cache/public-cache";

/** What HTTP handlers may use; chosen by the composition root, never by a handler. */
export interface HttpDeps {
  store: Store;
  bus: Bus;
  clock: Clock;
  logger: Logger;
  changes: ChangeService;
  notices: NoticeService;
  /** Site name, public URL and data licence, for feeds and absolute links. */
  config: PublicConfig;
  /** After an import changed assets: this node's cached reads are made again, and every other node is told. */
  announceAssetsChanged(): void;
  /** Makes this node's webhook worker look for due deliveries at once. */
  wakeWebhookWorker(): void;
  /** Where webhooks may be sent (no internal addresses unless allowed). */
  webhookTargets: WebhookTargets;
  auth: AuthService;
  users: UserAdmin;
  consoleSettings: ConsoleSettings;
  /** The site's public address, for sign-in links and the Secure cookie flag; null means "use the request's". */
  publicUrl: string | null;
  /** Hits, misses, fills and bytes of the public cache, for /readyz; null when it is off. */
  publicCacheStats(): PublicCacheStats | null;
  /** This node's live connections and the bad socket traffic it counted, for /readyz. */
  socketCounts(): SocketCounts;
  /** Budgets of writes per caller and public reads per address. */
  rateLimits: RateLimits;
  /** SNOWLINE_TRUST_PROXY: a reverse proxy in front appends the client's address to X-Forwarded-For. */
  trustProxy: boolean;
}
