import type { PublicStatus } from "../domain/status";
import { toUkDateTimeInput } from "../domain/uk-time";
import type { AccountEvent, AuditChange, AuditNoticeEvent } from "../domain/audit";
import { stringifyCsv } from "../export/csv-cell";

const COLUMNS = [
  "entry",
  "seq",
  "time_utc",
  "time_uk",
  "actor_type",
  "actor",
  "actor_id",
  "ip",
  "layer",
  "asset_id",
  "asset_name",
  "action",
  "before_status",
  "before_message",
  "before_until",
  "after_status",
  "after_message",
  "after_from",
  "after_until",
  "after_upcoming",
  "notice_level",
  "notice_text",
  "account",
] as const;

type Row = Partial<Record<(typeof COLUMNS)[number], string | number | null>>;

const time = (ms: number) => ({ time_utc: new Date(ms).toISOString(), time_uk: toUkDateTimeInput(ms).replace("T", " ") });
const upcoming = (status: PublicStatus) =>
  status.upcoming ? `${status.upcoming.label}${status.upcoming.from ? ` from ${status.upcoming.from}` : ""}` : "";

function changeRow(change: AuditChange): Row {
  return {
    entry: "status change",
    seq: change.seq,
    ...time(change.at),
    actor_type: change.actor.type,
    actor: change.actor.name,
    actor_id: change.actor.id,
    ip: change.ip,
    layer: change.layer,
    asset_id: change.assetId,
    asset_name: change.assetName,
    action: change.kind,
    before_status: change.before.label,
    before_message: change.before.message,
    before_until: change.before.until,
    after_status: change.after.label,
    after_message: change.after.message,
    after_from: change.after.from,
    after_until: change.after.until,
    after_upcoming: upcoming(change.after),
  };
}

function noticeRow(event: AuditNoticeEvent): Row {
  return {
    entry: "notice",
    ...time(event.at),
    actor_type: event.actor.type,
    actor: event.actor.name,
    actor_id: event.actor.id,
    ip: event.ip,
    action: `notice ${event.action}`,
    after_from: event.from === null ? null : new Date(event.from).toISOString(),
    after_until: event.until === null ? null : new Date(event.until).toISOString(),
    notice_level: event.level,
    notice_text: event.text,
  };
}

function accountRow(event: AccountEvent): Row {
  return {
    entry: "account",
    ...time(event.at),
    actor_type: event.actor?.type ?? null,
    actor: event.actor?.name ?? null,
    actor_id: event.actor?.id ?? null,
    ip: event.ip,
    action: event.kind,
    account: event.subject,
  };
}

/**
 * The audit log as CSV, newest first. Officer text that a spreadsheet would run as a formula is
 * neutralised by the rule every Snowline CSV follows (export/csv-cell.ts).
 */
export function auditToCsv(changes: AuditChange[], notices: AuditNoticeEvent[], accounts: AccountEvent[] = []): string {
  const rows = [
    ...changes.map((c) => ({ at: c.at, row: changeRow(c) })),
    ...notices.map((n) => ({ at: n.at, row: noticeRow(n) })),
    ...accounts.map((a) => ({ at: a.at, row: accountRow(a) })),
  ]
    .sort((a, b) => b.at - a.at)
    .map(({ row }) => row);
  return stringifyCsv(rows, { header: true, columns: [...COLUMNS], bom: true });
}
