import type { Change, ChangeBatch, ChangeContext } from "../domain/change";
import { ConflictError, NotFoundError, ValidationError, type FieldError, type VersionConflict } from "../domain/errors";
import type { Layer } from "../domain/layers";
import { isStatusCodeFor, statusCodesFor } from "../domain/status-codes";
import { toStatusRecord, type ChangeInput } from "../domain/status";
import { planDueTransitions, planSet } from "../domain/transitions";
import { commit, loadAssets, lockHead, type AssetTransitions } from "./change-batch";
import type { ChangesTable, Db } from "./database";
import { assetFromRow, changeFromRow, num, stateFromRow } from "./rows";

const PUBLIC_CHANGE_COLUMNS = ["seq", "asset_id", "layer", "kind", "at", "status"] as const;

/** The change log: every status change, gapless by seq, and the statuses it leaves behind. */
export function createChangeLog(db: Db) {
  return {
    /**
     * Appends officer-entered changes as one atomic batch: every change is checked first, and one bad
     * change (invalid, unknown asset, stale expectedVersion) stores nothing.
     */
    async appendChanges(inputs: ChangeInput[], context: ChangeContext): Promise<ChangeBatch> {
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
    },

    /**
     * Applies every activation and expiry that has fallen due by `now`, as logged system changes.
     * Runs under the seq lock and re-reads what is due inside it, so when several nodes run it at the
     * same moment each transition is applied exactly once.
     */
    async applyDueTransitions(context: ChangeContext, limit = 500): Promise<ChangeBatch | null> {
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
    },

    async nextDueTime(): Promise<number | null> {
      const row = await db.selectFrom("asset_status").select((eb) => eb.fn.min("due_at").as("due")).executeTakeFirst();
      return row?.due === null || row?.due === undefined ? null : num(row.due);
    },

    async headSeq(): Promise<number> {
      const row = await db.selectFrom("seq_counter").select("value").where("id", "=", 1).executeTakeFirstOrThrow();
      return num(row.value);
    },

    /**
     * The changes after `since` and the head seq they lead to, from one statement: the range is
     * capped at the head read with it, so a resume never carries a change past its own seq.
     */
    async changesSinceWithHead(since: number, limit: number, layers?: readonly Layer[]): Promise<{ seq: number; changes: Change[] }> {
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
    },

    async changesSince(since: number,
      limit: number,
      layers?: readonly Layer[],
    ): Promise<Change[]> {
      let query = db.selectFrom("changes").select(PUBLIC_CHANGE_COLUMNS).where("seq", ">", since);
      if (layers) query = query.where("layer", "in", layers.length ? [...layers] : [""]);
      const rows = await query.orderBy("seq").limit(limit).execute();
      return rows.map(changeFromRow);
    },

    async changesInRange(fromSeq: number, toSeq: number): Promise<Change[]> {
      const rows = await db
        .selectFrom("changes")
        .select(PUBLIC_CHANGE_COLUMNS)
        .where("seq", ">=", fromSeq)
        .where("seq", "<=", toSeq)
        .orderBy("seq")
        .execute();
      return rows.map(changeFromRow);
    },

    async assetHistory(assetId: string, limit: number): Promise<Change[]> {
      const rows = await db
        .selectFrom("changes")
        .select(PUBLIC_CHANGE_COLUMNS)
        .where("asset_id", "=", assetId)
        .orderBy("seq", "desc")
        .limit(limit)
        .execute();
      return rows.map(changeFromRow);
    },
  };
}

export type ChangeLog = ReturnType<typeof createChangeLog>;
