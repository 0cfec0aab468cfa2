import { sql } from "kysely";
import type { AssetRef } from "../domain/access";
import type { Asset } from "../domain/assets";
import type { Actor, ChangeBatch } from "../domain/change";
import type { VersionConflict } from "../domain/errors";
import type { Layer } from "../domain/layers";
import type { NoticeInput } from "../domain/notices";
import type { ChangeInput } from "../domain/status";
import type { MessageTemplate, TemplateInput } from "../domain/templates";
import type { UndoInput } from "../domain/undo";
import type { User, UserInput } from "../domain/users";
import type { AuditQuery } from "../audit/audit-query";
import type { ReadModel } from "../read-model";
import * as assets from "./asset-repository";
import * as audit from "./audit-repository";
import * as changeLog from "./change-log";
import type { Db, Dialect } from "./database";
import { migrateToLatest } from "./migrate";
import * as notices from "./notice-repository";
import * as sessions from "./session-repository";
import * as signInLinks from "./sign-in-link-repository";
import * as templates from "./template-repository";
import * as tokens from "./token-repository";
import { undoChanges } from "./undo-log";
import * as users from "./user-repository";

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
  /** Reverts changes as one atomic batch of `undo` changes. */
  undoChanges(requests: UndoInput["changes"], context: changeLog.ChangeContext): Promise<ChangeBatch>;
  upsertAssets(list: Asset[], now: number): ReturnType<typeof assets.upsertAssets>;
  countAssets(): Promise<number>;
  assetRefs(ids: readonly string[]): Promise<AssetRef[]>;
  notices: {
    create(input: NoticeInput, context: { actor: Actor; ip: string | null; now: number }): Promise<notices.Notice>;
    end(id: string, context: { actor: Actor; now: number; ip?: string | null }): Promise<notices.Notice>;
    list(limit?: number): Promise<notices.Notice[]>;
  };
  users: {
    create(input: UserInput, now: number, passwordHash: string | null): Promise<User>;
    findByEmail(email: string): Promise<users.UserWithSecret | null>;
    get(id: string): Promise<User | null>;
    list(): Promise<User[]>;
    setPassword(id: string, passwordHash: string, now: number): Promise<User>;
    setDisabled(id: string, disabled: boolean, now: number): Promise<User>;
    recordSignIn(id: string, now: number): Promise<void>;
  };
  signInLinks: {
    create(userId: string, now: number, expiresAt: number): Promise<string>;
    consume(token: string, now: number): Promise<string | null>;
  };
  sessions: {
    create(input: sessions.NewSession): Promise<{ token: string; csrfToken: string }>;
    find(token: string): ReturnType<typeof sessions.findSession>;
    touch(tokenHash: string, now: number): Promise<void>;
    delete(tokenHash: string): Promise<void>;
    deleteForUser(userId: string): Promise<number>;
    deleteDead(now: number, idleMs: number): Promise<number>;
  };
  templates: {
    list(layer?: Layer): Promise<MessageTemplate[]>;
    create(input: TemplateInput, createdBy: string, now: number): Promise<MessageTemplate>;
    delete(id: string): Promise<boolean>;
  };
  audit: {
    changes(query: AuditQuery, scope: audit.AuditScope): Promise<audit.AuditChange[]>;
    noticeEvents(query: AuditQuery): Promise<audit.AuditNoticeEvent[]>;
    describeConflicts(conflicts: VersionConflict[]): Promise<VersionConflict[]>;
    changesBySeq(seqs: readonly number[]): ReturnType<typeof audit.changesBySeq>;
  };
  tokens: {
    create(
      name: string,
      now: number,
      expiresAt?: number | null,
      scope?: { layers?: Layer[] | null; createdBy?: string | null },
    ): ReturnType<typeof tokens.createToken>;
    verify(token: string, now: number): ReturnType<typeof tokens.verifyToken>;
    revoke(id: string, now: number): Promise<boolean>;
    list(): ReturnType<typeof tokens.listTokens>;
  };
}

export async function createStore(
  db: Db,
  dialect: Dialect,
  options: { onClose?: () => Promise<void> } = {},
): Promise<Store> {
  await migrateToLatest(db as never, dialect);
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
    changesSinceWithHead: (since, limit, layers) => changeLog.changesSinceWithHead(db, since, limit, layers),
    changesSince: (since, limit, layers) => changeLog.changesSince(db, since, limit, layers),
    assetHistory: (id, limit) => changeLog.assetHistory(db, id, limit),
    undoChanges: (requests, context) => undoChanges(db, requests, context),
    upsertAssets: (list, now) => assets.upsertAssets(db, list, now),
    countAssets: () => assets.countAssets(db),
    assetRefs: (ids) => assets.assetRefs(db, ids),
    listAssets: (filter) => assets.listAssets(db, filter),
    listAssetSummaries: (filter) => assets.listAssetSummaries(db, filter),
    getAsset: (id) => assets.getAsset(db, id),
    publicNotices: (now) => notices.publicNotices(db, now),
    notices: {
      create: (input, context) => notices.createNotice(db, input, context),
      end: (id, context) => notices.endNotice(db, id, context),
      list: (limit) => notices.listNotices(db, limit),
    },
    users: {
      create: (input, now, passwordHash) => users.createUser(db, input, now, passwordHash),
      findByEmail: (email) => users.findUserByEmail(db, email),
      get: (id) => users.getUser(db, id),
      list: () => users.listUsers(db),
      setPassword: (id, passwordHash, now) => users.setPassword(db, id, passwordHash, now),
      setDisabled: (id, disabled, now) => users.setDisabled(db, id, disabled, now),
      recordSignIn: (id, now) => users.recordSignIn(db, id, now),
    },
    signInLinks: {
      create: (userId, now, expiresAt) => signInLinks.createSignInLink(db, userId, now, expiresAt),
      consume: (token, now) => signInLinks.consumeSignInLink(db, token, now),
    },
    sessions: {
      create: (input) => sessions.createSession(db, input),
      find: (token) => sessions.findSession(db, token),
      touch: (tokenHash, now) => sessions.touchSession(db, tokenHash, now),
      delete: (tokenHash) => sessions.deleteSessionByHash(db, tokenHash),
      deleteForUser: (userId) => sessions.deleteSessionsOfUser(db, userId),
      deleteDead: (now, idleMs) => sessions.deleteDeadSessions(db, now, idleMs),
    },
    templates: {
      list: (layer) => templates.listTemplates(db, layer),
      create: (input, createdBy, now) => templates.createTemplate(db, input, createdBy, now),
      delete: (id) => templates.deleteTemplate(db, id),
    },
    audit: {
      changes: (query, scope) => audit.listAuditChanges(db, query, scope),
      noticeEvents: (query) => audit.listAuditNoticeEvents(db, query),
      describeConflicts: (conflicts) => audit.describeConflicts(db, conflicts),
      changesBySeq: (seqs) => audit.changesBySeq(db, seqs),
    },
    tokens: {
      create: (name, now, expiresAt, scope) => tokens.createToken(db, name, now, expiresAt, scope),
      verify: (token, now) => tokens.verifyToken(db, token, now),
      revoke: (id, now) => tokens.revokeToken(db, id, now),
      list: () => tokens.listTokens(db),
    },
  };
}
