import { sql, type Transaction } from "kysely";
import type { Asset } from "../domain/assets";
import type { Change, ChangeBatch, ChangeContext } from "../domain/change";
import { toPublicStatus, type AssetState } from "../domain/status";
import type { PlannedTransition } from "../domain/transitions";
import type { Database } from "./database";
import { changeHash, GENESIS_HASH } from "../audit/audit-chain";
import { recordIdempotentBatch } from "./idempotency-repository";
import { assetFromRow, changeFromRow, num, stateFromRow, stateToRow } from "./rows";

// How every write to the change log commits, shared by appending, due transitions and undo.

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

/** The hash of the entry at the head, read under the seq lock, so the chain stays linear. */
async function headHash(trx: Trx, head: number): Promise<string> {
  if (head === 0) return GENESIS_HASH;
  const row = await trx.selectFrom("changes").select("hash").where("seq", "=", head).executeTakeFirst();
  return row?.hash ?? GENESIS_HASH;
}

export async function commit(trx: Trx, head: number, items: AssetTransitions[], context: ChangeContext): Promise<ChangeBatch | null> {
  if (!items.some((item) => item.transitions.length)) return null;
  let seq = head;
  let prevHash = await headHash(trx, head);
  const changeRows: Database["changes"][] = [];
  const statusRows: Database["asset_status"][] = [];
  const changes: Change[] = [];
  for (const { asset, before, transitions } of items) {
    let previous = before;
    for (const { kind, next } of transitions) {
      seq += 1;
      const state = { ...next, lastSeq: seq };
      const content = {
        seq,
        asset_id: asset.id,
        asset_name: asset.name,
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
      const hash = changeHash(prevHash, content);
      const row = { ...content, prev_hash: prevHash, hash };
      prevHash = hash;
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
  const batch = { fromSeq: head + 1, toSeq: seq, changes };
  if (context.idempotency) await recordIdempotentBatch(trx, context.idempotency, batch);
  return batch;
}
