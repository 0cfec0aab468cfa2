import type BetterSqlite3 from "better-sqlite3";
import { sql } from "kysely";
import type pg from "pg";
import type { ReadModel } from "../read-model";
import { createAccountEventRepository, type AccountEventRepository } from "./account-event-repository";
import { createAssetRepository, type AssetRepository } from "./asset-repository";
import { createAuditRepository, type AuditRepository } from "./audit-repository";
import { createChangeLog, type ChangeLog } from "./change-log";
import type { Db, Dialect } from "./database";
import { createIdempotencyRepository, type IdempotencyRepository } from "./idempotency-repository";
import { migrateToLatest } from "./migrate";
import { createNoticeRepository, type NoticeRepository } from "./notice-repository";
import { createOpenDataQueries, type OpenDataQueries } from "./open-data-queries";
import { createSessionRepository, type SessionRepository } from "./session-repository";
import { createSignInLinkRepository, type SignInLinkRepository } from "./sign-in-link-repository";
import { rememberQueryBuilder } from "./store-internals";
import { createTemplateRepository, type TemplateRepository } from "./template-repository";
import { createTokenRepository, type TokenRepository } from "./token-repository";
import { createUndoLog, type UndoLog } from "./undo-log";
import { createUserRepository, type UserRepository } from "./user-repository";
import { createWebhookRepository, type WebhookRepository } from "./webhook-repository";

/** The driver under the store. Only for the sign-in throttle: rate-limiter-flexible speaks to drivers, not Kysely. */
export type DriverConnection = { type: "sqlite"; database: BetterSqlite3.Database } | { type: "postgres"; pool: pg.Pool };

/**
 * Everything Snowline keeps, made of repositories. The change log and the assets sit at the top,
 * where they also serve as the public ReadModel; every other repository has its own field. The
 * query builder is not part of it: nothing outside lib/store can reach past the repositories.
 * One implementation over Kysely serves both SQLite and PostgreSQL; only opening the connection
 * differs (sqlite-store.ts, postgres-store.ts).
 */
export interface Store extends ReadModel, ChangeLog, UndoLog, AssetRepository {
  readonly dialect: Dialect;
  ping(): Promise<void>;
  close(): Promise<void>;
  /** Lets the sign-in throttle count in this database without opening a second connection. */
  driverConnection(): DriverConnection;
  notices: NoticeRepository;
  users: UserRepository;
  signInLinks: SignInLinkRepository;
  sessions: SessionRepository;
  templates: TemplateRepository;
  audit: AuditRepository;
  /** Sign-ins, sign-in links and account changes, for the admins' audit log. */
  accountEvents: AccountEventRepository;
  tokens: TokenRepository;
  webhooks: WebhookRepository;
  /** Idempotency-Keys of write requests; batches spend theirs through `ChangeContext.idempotency`. */
  idempotency: IdempotencyRepository;
  /** Read-only queries for the open-data feeds and their conditional GETs. */
  openData: OpenDataQueries;
}

export async function createStore(
  db: Db,
  dialect: Dialect,
  options: { driver: DriverConnection; onClose?: () => Promise<void> },
): Promise<Store> {
  await migrateToLatest(db as never, dialect);
  const notices = createNoticeRepository(db);
  const store: Store = {
    dialect,
    ping: async () => {
      await sql`select 1`.execute(db);
    },
    close: async () => {
      await db.destroy();
      await options.onClose?.();
    },
    driverConnection: () => options.driver,
    ...createChangeLog(db),
    ...createUndoLog(db),
    ...createAssetRepository(db),
    publicNotices: notices.publicNotices,
    notices,
    users: createUserRepository(db),
    signInLinks: createSignInLinkRepository(db),
    sessions: createSessionRepository(db),
    templates: createTemplateRepository(db),
    audit: createAuditRepository(db),
    accountEvents: createAccountEventRepository(db),
    tokens: createTokenRepository(db),
    webhooks: createWebhookRepository(db),
    idempotency: createIdempotencyRepository(db),
    openData: createOpenDataQueries(db),
  };
  rememberQueryBuilder(store, db);
  return store;
}
