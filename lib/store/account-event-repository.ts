import { randomUUID } from "node:crypto";
import { parseActorFilter, type AuditQuery } from "../audit/audit-query";
import type { AccountEvent, AccountEventKind } from "../domain/audit";
import type { Actor } from "../domain/change";
import type { Db } from "./database";
import { num } from "./rows";

/** Account events for the audit log: sign-ins, failed sign-ins, sign-in links and account changes. */
export function createAccountEventRepository(db: Db) {
  return {
    async record(event: AccountEvent): Promise<void> {
      await db
        .insertInto("account_events")
        .values({
          id: randomUUID(),
          at: event.at,
          kind: event.kind,
          actor_type: event.actor?.type ?? null,
          actor_id: event.actor?.id ?? null,
          actor_name: event.actor?.name ?? null,
          ip: event.ip,
          subject_user_id: event.subjectUserId,
          subject: event.subject,
        })
        .execute();
    },

    /** Newest first. Events of the same millisecond come in no set order. Layer and asset filters leave them all out. */
    async list(query: AuditQuery): Promise<AccountEvent[]> {
      if (query.asset || query.layer) return [];
      let q = db.selectFrom("account_events").selectAll();
      const actor = parseActorFilter(query.by);
      if (actor) q = actor.id === null ? q.where("actor_type", "=", actor.type) : q.where("actor_type", "=", actor.type).where("actor_id", "=", actor.id);
      if (query.from !== undefined) q = q.where("at", ">=", query.from);
      if (query.to !== undefined) q = q.where("at", "<", query.to);
      const rows = await q.orderBy("at", "desc").limit(query.limit).execute();
      return rows.map((row) => ({
        at: num(row.at),
        kind: row.kind as AccountEventKind,
        actor: row.actor_type === null ? null : ({ type: row.actor_type, id: row.actor_id, name: row.actor_name ?? "" } as Actor),
        ip: row.ip,
        subjectUserId: row.subject_user_id,
        subject: row.subject,
      }));
    },
  };
}

export type AccountEventRepository = ReturnType<typeof createAccountEventRepository>;
