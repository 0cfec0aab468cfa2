import { sql, type Transaction } from "kysely";
import type { Asset } from "../domain/assets";
import type { Actor, Change, ChangeBatch } from "../domain/change";
import { ConflictError, NotFoundError, ValidationError, type FieldError, type VersionConflict } from "../domain/errors";
import { isStatusCodeFor, statusCodesFor } from "../domain/status-codes";
import { toPublicStatus, toStatusRecord, type AssetState, type ChangeInput } from "../domain/status";
import { planDueTransitions, planSet, type PlannedTransition } from "../domain/transitions";
import type { ChangesTable, Database, Db } from "./database";
import { assetFromRow, changeFromRow, num, stateFromRow, stateToRow } from "./rows";

export interface ChangeContext {
  actor: Actor;
  ip: string | null;
  now: number;
}

export interface AssetTransitions {
  asset: Asset;
  before: AssetState;
  transitions: PlannedTransition[];
}

export type Trx = Transaction<Database>;

// Parameters per statement stay well under SQLite's and PostgreSQL's limits.
const WRITE_CHUNK = 200;
const READ_CHUNK = 500;

export function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Takes the deployment-wide seq lock. Every writer updates the single counter row first, so writers
 * queue behind each other (a row lock in PostgreSQL, the write lock in SQLite) and seqs stay gapless:
 * a rolled-back batch gives its seqs back.
 */
export async function lockHead(trx: Trx): Promise<number> {
  const row = await trx
    .updateTable("seq_counter")
    .set({ value: sql`value` })
    .where("id", "=", 1)
    .returning("value")
    .executeTakeFirstOrThrow();
  return num(row.value);
}

export async function loadAssets(trx: Trx, ids: string[]): Promise<Map<string, { asset: Asset; state: AssetState }>> {
  const found = new Map<string, { asset: Asset; state: AssetState }>();
  for (const part of chunks(ids, READ_CHUNK)) {
    const rows = await trx
      .selectFrom("assets")
      .innerJoin("asset_status", "asset_status.asset_id", "assets.id")
      .selectAll()
      .where("assets.id", "in", part)
      .execute();
    for (const row of rows) found.set(row.id, { asset: assetFromRow(row), state: stateFromRow(row) });
  }
  return found;
}

export async function commit(trx: Trx, head: number, items: AssetTransitions[], context: ChangeContext): Promise<ChangeBatch | null> {
  let seq = head;
  const changeRows: Database["changes"][] = [];
  const statusRows: Database["asset_status"][] = [];
  const changes: Change[] = [];
  for (const { asset, before, transitions } of items) {
    let previous = before;
    for (const { kind, next } of transitions) {
      seq += 1;
      const state = { ...next, lastSeq: seq };
      const row = {
        seq,
        asset_id: asset.id,
        layer: asset.layer,
        kind,
        at: context.now,
        status: JSON.stringify(toPublicStatus(asset.layer, state)),
        previous: JSON.stringify(previous),
        actor_type: context.actor.type,
        actor_id: context.actor.id,
        actor_name: context.actor.name,
        ip: context.ip,
      };
      changeRows.push(row);
      changes.push(changeFromRow(row));
      previous = state;
    }
    if (transitions.length) statusRows.push(stateToRow(asset.id, previous));
  }
  if (!changes.length) return null;

  for (const part of chunks(changeRows, WRITE_CHUNK)) await trx.insertInto("changes").values(part).execute();
  for (const part of chunks(statusRows, WRITE_CHUNK)) {
    await trx
      .insertInto("asset_status")
      .values(part)
      .onConflict((oc) =>
        oc.column("asset_id").doUpdateSet((eb) => ({
          code: eb.ref("excluded.code"),
          message: eb.ref("excluded.message"),
          from_ms: eb.ref("excluded.from_ms"),
          until_ms: eb.ref("excluded.until_ms"),
          set_at: eb.ref("excluded.set_at"),
          upcoming: eb.ref("excluded.upcoming"),
          version: eb.ref("excluded.version"),
          last_seq: eb.ref("excluded.last_seq"),
          due_at: eb.ref("excluded.due_at"),
        })),
      )
      .execute();
  }
  await trx.updateTable("seq_counter").set({ value: seq }).where("id", "=", 1).execute();
  return { fromSeq: head + 1, toSeq: seq, changes };
}

/**
 * Appends officer-entered changes as one atomic batch: every change is checked first, and one bad
 * change (invalid, unknown asset, stale expectedVersion) stores nothing.
 */
export async function appendChanges(db: Db, inputs: ChangeInput[], context: ChangeContext): Promise<ChangeBatch> {
  return db.transaction().execute(async (trx) => {
    const head = await lockHead(trx);
    const loaded = await loadAssets(trx, [...new Set(inputs.map((c) => c.assetId))]);

    const invalid: FieldError[] = [];
    const missing: FieldError[] = [];
    const conflicts: VersionConflict[] = [];
    const seen = new Set<string>();
    const items: AssetTransitions[] = [];

    inputs.forEach((input, index) => {
      const at = `changes.${index}`;
      if (seen.has(input.assetId)) {
        invalid.push({ path: `${at}.assetId`, message: `Asset ${input.assetId} appears more than once in this batch` });
        return;
      }
      seen.add(input.assetId);
      const entry = loaded.get(input.assetId);
      if (!entry) {
        missing.push({ path: `${at}.assetId`, message: `No asset has the id ${input.assetId}` });
        return;
      }
      const { asset, state } = entry;
      if (!isStatusCodeFor(asset.layer, input.status.code)) {
        invalid.push({
          path: `${at}.status.code`,
          message: `${input.status.code} is not a ${asset.layer} status; use one of ${statusCodesFor(asset.layer).join(", ")}`,
        });
        return;
      }
      const record = toStatusRecord(input.status);
      if (record.until !== null && record.until <= context.now) {
        invalid.push({ path: `${at}.status.until`, message: "Until is already in the past" });
        return;
      }
      if (input.expectedVersion !== undefined && input.expectedVersion !== state.version) {
        conflicts.push({ assetId: asset.id, expectedVersion: input.expectedVersion, currentVersion: state.version, index });
        return;
      }
      items.push({ asset, before: state, transitions: [planSet(state, record, context.now)] });
    });

    if (invalid.length) throw new ValidationError([...invalid, ...missing]);
    if (missing.length) {
      throw new NotFoundError(missing.length === 1 ? missing[0]!.message : `${missing.length} assets do not exist`, missing);
    }
    if (conflicts.length) throw new ConflictError(conflicts);

    const batch = await commit(trx, head, items, context);
    if (!batch) throw new Error("A non-empty batch produced no changes");
    return batch;
  });
}

/**
 * Applies every activation and expiry that has fallen due by `now`, as logged system changes.
 * Runs under the seq lock and re-reads what is due inside it, so when several nodes run it at the
 * same moment each transition is applied exactly once.
 */
export async function applyDueTransitions(db: Db, context: ChangeContext, limit = 500): Promise<ChangeBatch | null> {
  return db.transaction().execute(async (trx) => {
    const head = await lockHead(trx);
    const rows = await trx
      .selectFrom("asset_status")
      .innerJoin("assets", "assets.id", "asset_status.asset_id")
      .selectAll()
      .where("asset_status.due_at", "<=", context.now)
      .orderBy("asset_status.due_at")
      .limit(limit)
      .execute();
    const items = rows.map((row) => {
      const asset = assetFromRow(row);
      const before = stateFromRow(row);
      return { asset, before, transitions: planDueTransitions(asset.layer, before, context.now) };
    });
    return commit(trx, head, items, context);
  });
}

export async function nextDueTime(db: Db): Promise<number | null> {
  const row = await db.selectFrom("asset_status").select((eb) => eb.fn.min("due_at").as("due")).executeTakeFirst();
  return row?.due === null || row?.due === undefined ? null : num(row.due);
}

export async function headSeq(db: Db): Promise<number> {
  const row = await db.selectFrom("seq_counter").select("value").where("id", "=", 1).executeTakeFirstOrThrow();
  return num(row.value);
}

const PUBLIC_CHANGE_COLUMNS = ["seq", "asset_id", "layer", "kind", "at", "status"] as const;

export async function changesSince(
  db: Db,
  since: number,
  limit: number,
  layers?: readonly string[],
): Promise<Change[]> {
  let query = db.selectFrom("changes").select(PUBLIC_CHANGE_COLUMNS).where("seq", ">", since);
  if (layers) query = query.where("layer", "in", layers.length ? [...layers] : [""]);
  const rows = await query.orderBy("seq").limit(limit).execute();
  return rows.map(changeFromRow);
}

/**
 * The changes after `since` and the head they lead up to, from one statement (one snapshot in
 * both dialects): the range stops at that head, so a batch committed meanwhile is in neither, and
 * a client that then gets it from the live stream applies it once.
 */
export async function changesSinceWithHead(
  db: Db,
  since: number,
  limit: number,
  layers?: readonly string[],
): Promise<{ seq: number; changes: Change[] }> {
  const rows = await db
    .selectFrom("seq_counter as head")
    .leftJoin("changes as c", (join) => {
      const range = join.on("c.seq", ">", since).onRef("c.seq", "<=", "head.value");
      return layers ? range.on("c.layer", "in", layers.length ? [...layers] : [""]) : range;
    })
    .select(["head.value as head", "c.seq", "c.asset_id", "c.layer", "c.kind", "c.at", "c.status"])
    .where("head.id", "=", 1)
    .orderBy("c.seq")
    .limit(limit)
    .execute();
  const changes = rows.flatMap((row) =>
    row.seq === null ? [] : [changeFromRow(row as Pick<ChangesTable, "seq" | "asset_id" | "layer" | "kind" | "at" | "status">)],
  );
  return { seq: num(rows[0]!.head), changes };
}

export async function changesInRange(db: Db, fromSeq: number, toSeq: number): Promise<Change[]> {
  const rows = await db
    .selectFrom("changes")
    .select(PUBLIC_CHANGE_COLUMNS)
    .where("seq", ">=", fromSeq)
    .where("seq", "<=", toSeq)
    .orderBy("seq")
    .execute();
  return rows.map(changeFromRow);
}

export async function assetHistory(db: Db, assetId: string, limit: number): Promise<Change[]> {
  const rows = await db
    .selectFrom("changes")
    .select(PUBLIC_CHANGE_COLUMNS)
    .where("asset_id", "=", assetId)
    .orderBy("seq", "desc")
    .limit(limit)
    .execute();
  return rows.map(changeFromRow);
}
