import { auditActorChoices, type AuditActorChoice } from "../audit/audit-actors";
import type { AuditQuery } from "../audit/audit-query";
import type { Access, AccessSettings } from "../domain/access";
import { auditLayers } from "../domain/access";
import type { ApiToken } from "../domain/api-tokens";
import type { AccountEvent, AuditChange, AuditNoticeEvent } from "../domain/audit";
import type { Clock } from "../domain/clock";
import type { Layer } from "../domain/layers";
import type { Notice } from "../domain/notices";
import type { MessageTemplate } from "../domain/templates";
import type { User } from "../domain/users";
import type { Store } from "../store/store";
import type { Webhook, WebhookDelivery } from "../webhooks/webhook-schema";
import type { SessionPolicy } from "./session-policy";
import { resolveSession, type ConsoleSession } from "./sessions";

export type ConsoleSettings = AccessSettings;

/**
 * What console pages may read, handed to Next.js by the custom server like the public read model.
 * Pages check the session and the caller's role before reading; every write goes through the
 * HTTP API, which checks them again.
 */
export interface ConsoleContext {
  settings: ConsoleSettings;
  now(): number;
  session(token: string | undefined): Promise<ConsoleSession | null>;
  templates(layer?: Layer): Promise<MessageTemplate[]>;
  users(): Promise<User[]>;
  tokens(): Promise<ApiToken[]>;
  notices(): Promise<Notice[]>;
  /** Every webhook, removed ones too; never their secrets. */
  webhooks(): Promise<Webhook[]>;
  /** A webhook's most recent deliveries, newest first, with every attempt. */
  webhookDeliveries(webhookId: string, limit: number): Promise<WebhookDelivery[]>;
  /** Account events only for administrators; empty for anyone else. */
  audit(query: AuditQuery, access: Access): Promise<{ changes: AuditChange[]; notices: AuditNoticeEvent[]; accounts: AccountEvent[] }>;
  /** The audit log's "who" choices this caller may see. */
  auditActors(access: Access): Promise<AuditActorChoice[]>;
}

export function createConsoleContext(deps: { store: Store; clock: Clock; policy: SessionPolicy; settings: ConsoleSettings }): ConsoleContext {
  const { store, clock } = deps;
  return {
    settings: deps.settings,
    now: () => clock.now(),
    session: (token) => resolveSession(store, token, clock.now(), deps.policy),
    templates: (layer) => store.templates.list(layer),
    users: () => store.users.list(),
    tokens: () => store.tokens.list(),
    notices: () => store.notices.list(),
    webhooks: () => store.webhooks.list(),
    webhookDeliveries: (webhookId, limit) => store.webhooks.deliveries({ webhookId, limit }),
    async audit(query, access) {
      const [changes, notices, accounts] = await Promise.all([
        store.audit.changes(query, { layers: auditLayers(access) }),
        access.role === "admin" || deps.settings.officersMayPostNotices ? store.audit.noticeEvents(query) : Promise.resolve([]),
        access.role === "admin" ? store.accountEvents.list(query) : Promise.resolve([]),
      ]);
      return { changes, notices, accounts };
    },
    auditActors: (access) => auditActorChoices(store, access),
  };
}
