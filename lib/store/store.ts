import { sql } from "kysely";
import type { Asset } from "../domain/assets";
import type { Actor, ChangeBatch } from "../domain/change";
import type { NoticeInput } from "../domain/notices";
import type { ChangeInput } from "../domain/status";
import type { ReadModel } from "../read-model";
import * as assets from "./asset-repository";
import * as changeLog from "./change-log";
import type { Db, Dialect } from "./database";
import { migrateToLatest } from "./migrate";
import * as notices from "./notice-repository";
import * as tokens from "./token-repository";

/**
 * Everything Snowline keeps. One implementation over Kysely serves both SQLite and PostgreSQL;
 * only opening the connection differs (sqlite-store.ts, postgres-store.ts).
 */
export interface Store extends ReadModel {
  readonly dialect: Dialect;
  /** For repositories added by later modules; handlers should not query it directly. */
  readonly db: Db;
  ping(): Promise<void>;
  close(): Promise<void>;
  appendChanges(inputs: ChangeInput[], context: changeLog.ChangeContext): Promise<ChangeBatch>;
  applyDueTransitions(context: changeLog.ChangeContext, limit?: number): Promise<ChangeBatch | null>;
  nextDueTime(): Promise<number | null>;
  changesInRange(fromSeq: number, toSeq: number): ReturnType<typeof changeLog.changesInRange>;
  upsertAssets(list: Asset[], now: number): ReturnType<typeof assets.upsertAssets>;
  countAssets(): Promise<number>;
  notices: {
    create(input: NoticeInput, context: { actor: Actor; ip: string | null; now: number }): Promise<notices.Notice>;
    end(id: string, context: { actor: Actor; now: number }): Promise<notices.Notice>;
    list(limit?: number): Promise<notices.Notice[]>;
  };
  tokens: {
    create(name: string, now: number, expiresAt?: number | null): ReturnType<typeof tokens.createToken>;
    verify(token: string, now: number): ReturnType<typeof tokens.verifyToken>;
    revoke(id: string, now: number): Promise<boolean>;
    list(): ReturnType<typeof tokens.listTokens>;
  };
}

export async function createStore(
  db: Db,
  dialect: Dialect,
  options: { schema?: string; onClose?: () => Promise<void> } = {},
): Promise<Store> {
  await migrateToLatest(db as never, options.schema);
  return {
    dialect,
    db,
    ping: async () => {
      await sql`select 1`.execute(db);
    },
    close: async () => {
      await db.destroy();
      await options.onClose?.();
    },
    appendChanges: (inputs, context) => changeLog.appendChanges(db, inputs, context),
    applyDueTransitions: (context, limit) => changeLog.applyDueTransitions(db, context, limit),
    nextDueTime: () => changeLog.nextDueTime(db),
    changesInRange: (fromSeq, toSeq) => changeLog.changesInRange(db, fromSeq, toSeq),
    headSeq: () => changeLog.headSeq(db),
    changesSince: (since, limit, layers) => changeLog.changesSince(db, since, limit, layers),
    assetHistory: (id, limit) => changeLog.assetHistory(db, id, limit),
    upsertAssets: (list, now) => assets.upsertAssets(db, list, now),
    countAssets: () => assets.countAssets(db),
    listAssets: (filter) => assets.listAssets(db, filter),
    listAssetSummaries: (filter) => assets.listAssetSummaries(db, filter),
    getAsset: (id) => assets.getAsset(db, id),
    publicNotices: (now) => notices.publicNotices(db, now),
    notices: {
      create: (input, context) => notices.createNotice(db, input, context),
      end: (id, context) => notices.endNotice(db, id, context),
      list: (limit) => notices.listNotices(db, limit),
    },
    tokens: {
      create: (name, now, expiresAt) => tokens.createToken(db, name, now, expiresAt),
      verify: (token, now) => tokens.verifyToken(db, token, now),
      revoke: (id, now) => tokens.revokeToken(db, id, now),
      list: () => tokens.listTokens(db),
    },
  };
}
