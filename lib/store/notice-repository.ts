import { randomUUID } from "node:crypto";
import type { Actor } from "../domain/change";
import { NotFoundError } from "../domain/errors";
import { toPublicNotice, type Notice, type NoticeInput, type NoticeLevel, type PublicNotice } from "../domain/notices";
import type { Db, NoticesTable } from "./database";
import { num } from "./rows";

const iso = (ms: number | string | null) => (ms === null ? null : new Date(num(ms)).toISOString());

function toNotice(row: NoticesTable): Notice {
  return {
    id: row.id,
    level: row.level as NoticeLevel,
    text: row.text,
    from: iso(row.from_ms),
    until: iso(row.until_ms),
    createdAt: iso(row.created_at)!,
    createdBy: row.created_by_name,
    endedAt: iso(row.ended_at),
    endedBy: row.ended_by_name,
  };
}

/** Council-wide notices: officers' full records and what the public sees. */
export function createNoticeRepository(db: Db) {
  return {
    async create(input: NoticeInput, context: { actor: Actor; ip: string | null; now: number }): Promise<Notice> {
      const row: NoticesTable = {
        id: randomUUID(),
        level: input.level,
        text: input.text,
        from_ms: input.from ? Date.parse(input.from) : null,
        until_ms: input.until ? Date.parse(input.until) : null,
        created_at: context.now,
        created_by_type: context.actor.type,
        created_by_id: context.actor.id,
        created_by_name: context.actor.name,
        created_ip: context.ip,
        ended_at: null,
        ended_by_name: null,
        ended_by_type: null,
        ended_by_id: null,
        ended_ip: null,
      };
      await db.insertInto("notices").values(row).execute();
      return toNotice(row);
    },

    /** Ends a notice now; ending one that has already ended is refused as not found. */
    async end(id: string, context: { actor: Actor; now: number; ip?: string | null }): Promise<Notice> {
      const result = await db
        .updateTable("notices")
        .set({
          ended_at: context.now,
          ended_by_name: context.actor.name,
          ended_by_type: context.actor.type,
          ended_by_id: context.actor.id,
          ended_ip: context.ip ?? null,
        })
        .where("id", "=", id)
        .where("ended_at", "is", null)
        .returningAll()
        .executeTakeFirst();
      if (!result) throw new NotFoundError(`No current notice has the id ${id}`);
      return toNotice(result);
    },

    async list(limit = 200): Promise<Notice[]> {
      const rows = await db.selectFrom("notices").selectAll().orderBy("created_at", "desc").limit(limit).execute();
      return rows.map(toNotice);
    },

    /** Notices showing now or scheduled to show later, oldest first; ended and expired ones are left out. */
    async publicNotices(now: number): Promise<PublicNotice[]> {
      const rows = await db
        .selectFrom("notices")
        .selectAll()
        .where("ended_at", "is", null)
        .where((eb) => eb.or([eb("until_ms", "is", null), eb("until_ms", ">", now)]))
        .orderBy("created_at")
        .execute();
      return rows.map((row) => toPublicNotice(toNotice(row)));
    },
  };
}

export type NoticeRepository = ReturnType<typeof createNoticeRepository>;
