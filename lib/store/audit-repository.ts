import type { AuditChange, AuditNoticeEvent, AuditScope } from "../domain/audit";
import type { Actor } from "../domain/change";
import type { ConflictDetail, VersionConflict } from "../domain/errors";
import type { Layer } from "../domain/layers";
import type { NoticeLevel } from "../domain/notices";
import { toPublicStatus, type AssetState, type PublicStatus } from "../domain/status";
import { GENESIS_HASH, verifyChainSegment, type ChainReport } from "../audit/audit-chain";
import { parseActorFilter, type AuditQuery } from "../audit/audit-query";
import type { Db } from "./database";
import { num, stateFromRow } from "./rows";

const actorOf = (type: string, id: string | null, name: string): Actor => ({ type, id, name }) as Actor;

/** The audit log: who changed what, when and from where, read back from the change log and the notices. */
export function createAuditRepository(db: Db) {
  return {
    async changes(query: AuditQuery, scope: AuditScope): Promise<AuditChange[]> {
      let q = db
        .selectFrom("changes")
        .leftJoin("assets", "assets.id", "changes.asset_id")
        .leftJoin("asset_status", "asset_status.asset_id", "changes.asset_id")
        .select([
          "changes.seq",
          "changes.at",
          "changes.asset_id",
          "changes.layer",
          "changes.kind",
          "changes.status",
          "changes.previous",
          "changes.actor_type",
          "changes.actor_id",
          "changes.actor_name",
          "changes.ip",
          "asset_status.version as asset_version",
        ])
        // The name when the change was made: a later rename must not rewrite history.
        .select((eb) => eb.fn.coalesce("changes.asset_name", "assets.name").as("asset_name"));
      const actor = parseActorFilter(query.by);
      if (actor) {
        q = q.where("changes.actor_type", "=", actor.type);
        q = actor.id === null ? q.where("changes.actor_id", "is", null) : q.where("changes.actor_id", "=", actor.id);
      }
      if (query.asset) q = q.where("changes.asset_id", "=", query.asset);
      if (query.layer) q = q.where("changes.layer", "=", query.layer);
      if (scope.layers) q = q.where("changes.layer", "in", scope.layers.length ? [...scope.layers] : [""]);
      if (query.from !== undefined) q = q.where("changes.at", ">=", query.from);
      if (query.to !== undefined) q = q.where("changes.at", "<", query.to);
      if (query.before !== undefined) q = q.where("changes.seq", "<", query.before);
      const rows = await q.orderBy("changes.seq", "desc").limit(query.limit).execute();
      return rows.map((row) => {
        const layer = row.layer as Layer;
        const previous = JSON.parse(row.previous) as AssetState;
        return {
          seq: num(row.seq),
          at: num(row.at),
          assetId: row.asset_id,
          assetName: row.asset_name,
          layer,
          kind: row.kind,
          actor: actorOf(row.actor_type, row.actor_id, row.actor_name),
          ip: row.ip,
          before: toPublicStatus(layer, previous),
          after: JSON.parse(row.status) as PublicStatus,
          assetVersion: row.asset_version === null ? null : num(row.asset_version),
        };
      });
    },

    /** The people and tokens who changed something in these layers, each once under their latest name. */
    async actors(scope: AuditScope): Promise<Actor[]> {
      let q = db
        .selectFrom("changes")
        .select((eb) => ["actor_type", "actor_id", "actor_name", eb.fn.max("seq").as("last_seq")])
        .where("actor_type", "in", ["user", "token"])
        .groupBy(["actor_type", "actor_id", "actor_name"]);
      if (scope.layers) q = q.where("layer", "in", scope.layers.length ? [...scope.layers] : [""]);
      const latest = new Map<string, { actor: Actor; seq: number }>();
      for (const row of await q.execute()) {
        const key = `${row.actor_type}:${row.actor_id}`;
        const seq = num(row.last_seq);
        if ((latest.get(key)?.seq ?? -1) < seq) latest.set(key, { actor: actorOf(row.actor_type, row.actor_id, row.actor_name), seq });
      }
      return [...latest.values()].map((entry) => entry.actor);
    },

    /** Notices created and ended, newest first. Notices belong to no layer: a layer or asset filter leaves them out. */
    async noticeEvents(query: AuditQuery): Promise<AuditNoticeEvent[]> {
      if (query.asset || query.layer) return [];
      const rows = await db.selectFrom("notices").selectAll().execute();
      const actor = parseActorFilter(query.by);
      const events: AuditNoticeEvent[] = [];
      for (const row of rows) {
        const base = {
          noticeId: row.id,
          level: row.level as NoticeLevel,
          text: row.text,
          from: row.from_ms === null ? null : num(row.from_ms),
          until: row.until_ms === null ? null : num(row.until_ms),
        };
        events.push({ ...base, action: "created", at: num(row.created_at), actor: actorOf(row.created_by_type, row.created_by_id, row.created_by_name), ip: row.created_ip });
        if (row.ended_at !== null) {
          const endedBy = actorOf(row.ended_by_type ?? "user", row.ended_by_id, row.ended_by_name ?? "unknown");
          events.push({ ...base, action: "ended", at: num(row.ended_at), actor: endedBy, ip: row.ended_ip });
        }
      }
      return events
        .filter((e) => !actor || (e.actor.type === actor.type && e.actor.id === actor.id))
        .filter((e) => (query.from === undefined || e.at >= query.from) && (query.to === undefined || e.at < query.to))
        .sort((a, b) => b.at - a.at)
        .slice(0, query.limit);
    },

    /**
     * Adds to each version conflict what the asset holds now and who made its latest change, for an
     * authenticated officer deciding whether to re-apply their change or keep the other one.
     */
    async describeConflicts(conflicts: VersionConflict[]): Promise<VersionConflict[]> {
      const ids = [...new Set(conflicts.map((c) => c.assetId))];
      if (!ids.length) return conflicts;
      const rows = await db
        .selectFrom("assets")
        .innerJoin("asset_status", "asset_status.asset_id", "assets.id")
        .leftJoin("changes", (join) => join.onRef("changes.asset_id", "=", "assets.id").onRef("changes.seq", "=", "asset_status.last_seq"))
        .selectAll("asset_status")
        .select(["assets.name", "assets.layer", "changes.seq as change_seq", "changes.kind as change_kind", "changes.at as change_at", "changes.actor_name"])
        .where("assets.id", "in", ids)
        .execute();
      const byId = new Map(rows.map((row) => [row.asset_id, row]));
      return conflicts.map((conflict) => {
        const row = byId.get(conflict.assetId);
        if (!row) return conflict;
        const status = toPublicStatus(row.layer as Layer, stateFromRow(row));
        const current: ConflictDetail = {
          assetName: row.name,
          status: {
            code: status.code,
            label: status.label,
            message: status.message,
            from: status.from,
            until: status.until,
            upcoming: status.upcoming ? { label: status.upcoming.label, from: status.upcoming.from } : null,
          },
          lastChange:
            row.change_seq === null
              ? null
              : { seq: num(row.change_seq), kind: row.change_kind!, at: new Date(num(row.change_at!)).toISOString(), by: row.actor_name! },
        };
        return { ...conflict, currentVersion: num(row.version), current };
      });
    },

    /**
     * Walks the whole change log in seq order and checks every entry's link and hash; names the
     * first entry that was edited, deleted or inserted behind the application's back.
     */
    async verifyChain(pageSize = 1000): Promise<ChainReport> {
      const headRow = await db.selectFrom("seq_counter").select("value").where("id", "=", 1).executeTakeFirstOrThrow();
      const headSeq = num(headRow.value);
      let last = { seq: 0, hash: GENESIS_HASH };
      let checked = 0;
      for (;;) {
        const rows = await db.selectFrom("changes").selectAll().where("seq", ">", last.seq).orderBy("seq").limit(pageSize).execute();
        if (!rows.length) break;
        const segment = rows.map((row) => ({ ...row, seq: num(row.seq), at: num(row.at), asset_name: row.asset_name ?? "" }));
        const result = verifyChainSegment(segment, last);
        if (result.broken) return { checked: checked + segment.findIndex((r) => r.seq === result.broken!.seq), headSeq, firstBroken: result.broken };
        checked += segment.length;
        last = result.last;
      }
      if (last.seq !== headSeq) return { checked, headSeq, firstBroken: { seq: last.seq + 1, reason: `the log ends at seq ${last.seq} but the head is ${headSeq}: entries were deleted` } };
      return { checked, headSeq, firstBroken: null };
    },

    /** Which asset each of these changes touched, for permission checks before an undo. */
    async changesBySeq(seqs: readonly number[]): Promise<{ seq: number; assetId: string; layer: Layer }[]> {
      const out: { seq: number; assetId: string; layer: Layer }[] = [];
      const unique = [...new Set(seqs)];
      for (let i = 0; i < unique.length; i += 500) {
        const rows = await db.selectFrom("changes").select(["seq", "asset_id", "layer"]).where("seq", "in", unique.slice(i, i + 500)).execute();
        out.push(...rows.map((r) => ({ seq: num(r.seq), assetId: r.asset_id, layer: r.layer as Layer })));
      }
      return out;
    },
  };
}

export type AuditRepository = ReturnType<typeof createAuditRepository>;
