import { IDEMPOTENCY_CLAIM_LEASE_MS, IDEMPOTENCY_KEY_TTL_MS, type IdempotencyClaim } from "../domain/idempotency";
import type { Trx } from "./change-batch";
import type { Db } from "./database";
import { num } from "./rows";

export type { IdempotencyClaim };

export interface IdempotencyRecord {
  requestHash: string;
  createdAt: number;
  /** The batch stored under this key, if the request stored one. */
  batch: { fromSeq: number; toSeq: number } | null;
  /** The answer given, once the request has finished. */
  response: { status: number; body: string } | null;
}

export type ClaimResult = { claimed: true } | { claimed: false; record: IdempotencyRecord };


/**
 * Claims the key for this request, or returns what is already recorded under it. The primary key
 * (scope, key) decides between two requests racing with the same key: exactly one inserts.
 */
async function claimIdempotencyKey(db: Db, claim: IdempotencyClaim, requestHash: string, now: number): Promise<ClaimResult> {
  await db
    .deleteFrom("idempotency_keys")
    .where("scope", "=", claim.scope)
    .where("key", "=", claim.key)
    .where((eb) =>
      eb.or([
        eb("created_at", "<", now - IDEMPOTENCY_KEY_TTL_MS),
        eb.and([eb("status", "is", null), eb("from_seq", "is", null), eb("created_at", "<", now - IDEMPOTENCY_CLAIM_LEASE_MS)]),
      ]),
    )
    .execute();
  const inserted = await db
    .insertInto("idempotency_keys")
    .values({ ...claim, request_hash: requestHash, created_at: now, from_seq: null, to_seq: null, status: null, body: null })
    .onConflict((oc) => oc.columns(["scope", "key"]).doNothing())
    .returning("key")
    .executeTakeFirst();
  if (inserted) return { claimed: true };
  const record = await findIdempotencyKey(db, claim);
  // Swept between our insert and this read: the caller may simply try again.
  if (!record) return claimIdempotencyKey(db, claim, requestHash, now);
  return { claimed: false, record };
}

async function findIdempotencyKey(db: Db, claim: IdempotencyClaim): Promise<IdempotencyRecord | null> {
  const row = await db.selectFrom("idempotency_keys").selectAll().where("scope", "=", claim.scope).where("key", "=", claim.key).executeTakeFirst();
  if (!row) return null;
  return {
    requestHash: row.request_hash,
    createdAt: num(row.created_at),
    batch: row.from_seq === null || row.to_seq === null ? null : { fromSeq: num(row.from_seq), toSeq: num(row.to_seq) },
    response: row.status === null || row.body === null ? null : { status: num(row.status), body: row.body },
  };
}

/** Ties the claim to the batch, inside the batch's transaction: the key is spent if and only if the batch is stored. */
export async function recordIdempotentBatch(trx: Trx, claim: IdempotencyClaim, batch: { fromSeq: number; toSeq: number }): Promise<void> {
  const result = await trx
    .updateTable("idempotency_keys")
    .set({ from_seq: batch.fromSeq, to_seq: batch.toSeq })
    .where("scope", "=", claim.scope)
    .where("key", "=", claim.key)
    .where("from_seq", "is", null)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) throw new Error(`Idempotency key ${claim.key} is no longer claimed; nothing was stored`);
}

async function completeIdempotencyKey(db: Db, claim: IdempotencyClaim, response: { status: number; body: string }): Promise<void> {
  await db
    .updateTable("idempotency_keys")
    .set({ status: response.status, body: response.body })
    .where("scope", "=", claim.scope)
    .where("key", "=", claim.key)
    .execute();
}

/** Gives the key back after a request that failed before storing anything, so a retry runs again. */
async function releaseIdempotencyKey(db: Db, claim: IdempotencyClaim): Promise<void> {
  await db
    .deleteFrom("idempotency_keys")
    .where("scope", "=", claim.scope)
    .where("key", "=", claim.key)
    .where("from_seq", "is", null)
    .where("status", "is", null)
    .execute();
}

async function sweepIdempotencyKeys(db: Db, now: number): Promise<number> {
  const result = await db.deleteFrom("idempotency_keys").where("created_at", "<", now - IDEMPOTENCY_KEY_TTL_MS).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Idempotency-Keys of write requests; batches spend theirs through `ChangeContext.idempotency`. */
export function createIdempotencyRepository(db: Db) {
  return {
    claim: (claim: IdempotencyClaim, requestHash: string, now: number) => claimIdempotencyKey(db, claim, requestHash, now),
    find: (claim: IdempotencyClaim) => findIdempotencyKey(db, claim),
    complete: (claim: IdempotencyClaim, response: { status: number; body: string }) => completeIdempotencyKey(db, claim, response),
    release: (claim: IdempotencyClaim) => releaseIdempotencyKey(db, claim),
    sweep: (now: number) => sweepIdempotencyKeys(db, now),
  };
}

export type IdempotencyRepository = ReturnType<typeof createIdempotencyRepository>;
