import { randomBytes, randomUUID } from "node:crypto";
import type { ChangeBatch } from "../domain/change";
import { NotFoundError } from "../domain/errors";
import type { Layer } from "../domain/layers";
import { webhookPayloadFor } from "../webhooks/webhook-payload";
import { withoutCredentials } from "../webhooks/webhook-target";
import type {
  ClaimedDelivery,
  Webhook,
  WebhookAttempt,
  WebhookDelivery,
  WebhookDeliveryState,
  WebhookInput,
} from "../webhooks/webhook-schema";
import type { Db } from "./database";
import { num } from "./rows";
import type { WebhookDeliveriesTable, WebhooksTable } from "./webhook-tables";

const iso = (ms: number | string | null) => (ms === null ? null : new Date(num(ms)).toISOString());

function toWebhook(row: WebhooksTable): Webhook {
  return {
    id: row.id,
    url: withoutCredentials(row.url),
    layers: JSON.parse(row.layers) as Layer[],
    createdAt: iso(row.created_at)!,
    createdBy: row.created_by_name,
    disabledAt: iso(row.disabled_at),
  };
}

function toDelivery(row: WebhookDeliveriesTable, attemptLog: WebhookAttempt[] = []): WebhookDelivery {
  return {
    id: row.id,
    webhookId: row.webhook_id,
    fromSeq: num(row.from_seq),
    toSeq: num(row.to_seq),
    state: row.state as WebhookDeliveryState,
    attempts: num(row.attempts),
    nextAttemptAt: row.state === "pending" ? iso(row.next_attempt_at) : null,
    createdAt: iso(row.created_at)!,
    deliveredAt: iso(row.delivered_at),
    lastError: row.last_error,
    attemptLog,
  };
}

/** Webhook subscriptions and their delivery outbox, on SQLite and PostgreSQL alike. */
export function createWebhookRepository(db: Db) {
  return {
    async add(input: WebhookInput, context: { createdBy: string; now: number }): Promise<{ webhook: Webhook; secret: string }> {
      const secret = input.secret ?? `whsec_${randomBytes(24).toString("base64url")}`;
      const row: WebhooksTable = {
        id: randomUUID(),
        url: input.url,
        secret,
        layers: JSON.stringify(input.layers),
        created_at: context.now,
        created_by_name: context.createdBy,
        disabled_at: null,
      };
      await db.insertInto("webhooks").values(row).execute();
      return { webhook: toWebhook(row), secret };
    },

    async list(): Promise<Webhook[]> {
      const rows = await db.selectFrom("webhooks").selectAll().orderBy("created_at").orderBy("id").execute();
      return rows.map(toWebhook);
    },

    async get(id: string): Promise<Webhook | null> {
      const row = await db.selectFrom("webhooks").selectAll().where("id", "=", id).executeTakeFirst();
      return row ? toWebhook(row) : null;
    },

    /** Stops future deliveries; pending ones are not sent either. */
    async disable(id: string, now: number): Promise<Webhook> {
      const row = await db
        .updateTable("webhooks")
        .set({ disabled_at: now })
        .where("id", "=", id)
        .where("disabled_at", "is", null)
        .returningAll()
        .executeTakeFirst();
      if (!row) throw new NotFoundError(`No active webhook has the id ${id}`);
      return toWebhook(row);
    },

    /**
     * Puts one delivery per interested webhook into the outbox. Called once per committed batch;
     * the unique (webhook, fromSeq) key makes a repeated call harmless.
     */
    async enqueue(batch: ChangeBatch, now: number): Promise<number> {
      const hooks = await db.selectFrom("webhooks").selectAll().where("disabled_at", "is", null).execute();
      const rows: WebhookDeliveriesTable[] = [];
      for (const hook of hooks) {
        const payload = webhookPayloadFor(batch, JSON.parse(hook.layers) as Layer[]);
        if (!payload) continue;
        rows.push({
          id: randomUUID(),
          webhook_id: hook.id,
          from_seq: batch.fromSeq,
          to_seq: batch.toSeq,
          payload: JSON.stringify(payload),
          state: "pending",
          attempts: 0,
          next_attempt_at: now,
          lease_until: null,
          created_at: now,
          delivered_at: null,
          last_error: null,
        });
      }
      if (!rows.length) return 0;
      await db
        .insertInto("webhook_deliveries")
        .values(rows)
        .onConflict((oc) => oc.columns(["webhook_id", "from_seq"]).doNothing())
        .execute();
      return rows.length;
    },

    /**
     * Claims up to `limit` due deliveries for `leaseMs`. Each claim is a conditional update that
     * only succeeds if nobody holds the delivery, so two nodes racing for one never both get it
     * (PostgreSQL re-checks the condition after the row lock; SQLite has one writer).
     */
    async claimDue(now: number, leaseMs: number, limit = 10): Promise<ClaimedDelivery[]> {
      const candidates = await db
        .selectFrom("webhook_deliveries")
        .innerJoin("webhooks", "webhooks.id", "webhook_deliveries.webhook_id")
        .select(["webhook_deliveries.id", "webhook_deliveries.attempts", "webhook_deliveries.payload", "webhooks.url", "webhooks.secret"])
        .where("webhook_deliveries.state", "=", "pending")
        .where("webhooks.disabled_at", "is", null)
        .where("webhook_deliveries.next_attempt_at", "<=", now)
        .where((eb) => eb.or([eb("webhook_deliveries.lease_until", "is", null), eb("webhook_deliveries.lease_until", "<", now)]))
        .orderBy("webhook_deliveries.next_attempt_at")
        .orderBy("webhook_deliveries.from_seq")
        .limit(limit)
        .execute();
      const claimed: ClaimedDelivery[] = [];
      for (const candidate of candidates) {
        const result = await db
          .updateTable("webhook_deliveries")
          .set({ lease_until: now + leaseMs, attempts: num(candidate.attempts) + 1 })
          .where("id", "=", candidate.id)
          .where("state", "=", "pending")
          .where("attempts", "=", num(candidate.attempts))
          .where((eb) => eb.or([eb("lease_until", "is", null), eb("lease_until", "<", now)]))
          .executeTakeFirst();
        if (Number(result.numUpdatedRows) !== 1) continue;
        claimed.push({
          id: candidate.id,
          url: candidate.url,
          secret: candidate.secret,
          payload: candidate.payload,
          attempt: num(candidate.attempts) + 1,
        });
      }
      return claimed;
    },

    /** Records an attempt's outcome: delivered, to be retried at `retryAt`, or failed for good (retryAt null). */
    async recordAttempt(
      delivery: ClaimedDelivery,
      outcome: { at: number; ok: boolean; statusCode: number | null; error: string | null; durationMs: number; retryAt: number | null },
    ): Promise<void> {
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto("webhook_attempts")
          .values({
            id: randomUUID(),
            delivery_id: delivery.id,
            attempt: delivery.attempt,
            at: outcome.at,
            status_code: outcome.statusCode,
            error: outcome.error,
            duration_ms: Math.round(outcome.durationMs),
          })
          .execute();
        const state: WebhookDeliveryState = outcome.ok ? "delivered" : outcome.retryAt === null ? "failed" : "pending";
        await trx
          .updateTable("webhook_deliveries")
          .set({
            state,
            lease_until: null,
            next_attempt_at: outcome.retryAt ?? outcome.at,
            delivered_at: outcome.ok ? outcome.at : null,
            last_error: outcome.ok ? null : outcome.error,
          })
          .where("id", "=", delivery.id)
          .execute();
      });
    },

    /**
     * Sends a delivery whose last attempt failed again at the next worker pass: one that gave up,
     * or one waiting out its backoff (an admin who fixed the receiver need not wait an hour). A
     * delivery being sent right now (leased) is left alone, so it is never sent twice at once.
     */
    async retryNow(webhookId: string, deliveryId: string, now: number): Promise<void> {
      const result = await db
        .updateTable("webhook_deliveries")
        .set({ state: "pending", next_attempt_at: now, lease_until: null })
        .where("id", "=", deliveryId)
        .where("webhook_id", "=", webhookId)
        .where((eb) =>
          eb.or([
            eb("state", "=", "failed"),
            eb.and([eb("state", "=", "pending"), eb("attempts", ">", 0), eb.or([eb("lease_until", "is", null), eb("lease_until", "<", now)])]),
          ]),
        )
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) throw new NotFoundError(`No failed delivery of this webhook has the id ${deliveryId}`);
    },

    /** Newest first, with every attempt, for the console, the CLI and the API. */
    async deliveries(filter: { webhookId?: string; limit?: number } = {}): Promise<WebhookDelivery[]> {
      let query = db.selectFrom("webhook_deliveries").selectAll();
      if (filter.webhookId) query = query.where("webhook_id", "=", filter.webhookId);
      const rows = await query.orderBy("created_at", "desc").orderBy("from_seq", "desc").limit(filter.limit ?? 50).execute();
      if (!rows.length) return [];
      const attempts = await db
        .selectFrom("webhook_attempts")
        .selectAll()
        .where("delivery_id", "in", rows.map((r) => r.id))
        .orderBy("attempt")
        .execute();
      const byDelivery = new Map<string, WebhookAttempt[]>();
      for (const a of attempts) {
        const list = byDelivery.get(a.delivery_id) ?? [];
        list.push({ attempt: num(a.attempt), at: iso(a.at)!, statusCode: a.status_code, error: a.error, durationMs: num(a.duration_ms) });
        byDelivery.set(a.delivery_id, list);
      }
      return rows.map((row) => toDelivery(row, byDelivery.get(row.id) ?? []));
    },

    /** The soonest time a pending delivery falls due, so a worker knows how long it may sleep. */
    async nextDueAt(): Promise<number | null> {
      const row = await db
        .selectFrom("webhook_deliveries")
        .select((eb) => eb.fn.min("next_attempt_at").as("due"))
        .where("state", "=", "pending")
        .executeTakeFirst();
      return row?.due === null || row?.due === undefined ? null : num(row.due);
    },
  };
}

export type WebhookRepository = ReturnType<typeof createWebhookRepository>;
