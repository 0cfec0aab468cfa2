import { ConflictError, NotFoundError, ValidationError, type FieldError, type VersionConflict } from "../domain/errors";
import type { ChangeBatch, ChangeContext } from "../domain/change";
import type { AssetState } from "../domain/status";
import { planUndo } from "../domain/transitions";
import type { UndoInput } from "../domain/undo";
import { chunks, commit, loadAssets, lockHead, type AssetTransitions } from "./change-batch";
import type { Db } from "./database";
import { num } from "./rows";

/** Undoing logged changes, as changes of their own. */
export function createUndoLog(db: Db) {
  return {
    /**
     * Reverts changes as one atomic batch of `undo` changes, each restoring the state its asset had
     * before the named change. Checked like any batch: an unknown change, a stale expectedVersion or
     * a status that has since ended stores nothing.
     */
    async undoChanges(requests: UndoInput["changes"], context: ChangeContext): Promise<ChangeBatch> {
      return db.transaction().execute(async (trx) => {
        const head = await lockHead(trx);
        const found = new Map<number, { assetId: string; previous: AssetState }>();
        for (const part of chunks([...new Set(requests.map((r) => r.seq))], 500)) {
          const rows = await trx.selectFrom("changes").select(["seq", "asset_id", "previous"]).where("seq", "in", part).execute();
          for (const row of rows) found.set(num(row.seq), { assetId: row.asset_id, previous: JSON.parse(row.previous) as AssetState });
        }
        const loaded = await loadAssets(trx, [...new Set([...found.values()].map((f) => f.assetId))]);

        const invalid: FieldError[] = [];
        const missing: FieldError[] = [];
        const conflicts: VersionConflict[] = [];
        const seen = new Set<string>();
        const items: AssetTransitions[] = [];
        requests.forEach((request, index) => {
          const at = `changes.${index}`;
          const change = found.get(request.seq);
          const entry = change && loaded.get(change.assetId);
          if (!change || !entry) {
            missing.push({ path: `${at}.seq`, message: `No change has the seq ${request.seq}` });
            return;
          }
          if (seen.has(change.assetId)) {
            invalid.push({ path: `${at}.seq`, message: `Asset ${change.assetId} would be undone twice in this batch; undo one change per asset` });
            return;
          }
          seen.add(change.assetId);
          if (request.expectedVersion !== entry.state.version) {
            conflicts.push({ assetId: change.assetId, expectedVersion: request.expectedVersion, currentVersion: entry.state.version, index });
            return;
          }
          const planned = planUndo(entry.state, change.previous, context.now);
          if ("refused" in planned) {
            invalid.push({ path: at, message: planned.refused });
            return;
          }
          items.push({ asset: entry.asset, before: entry.state, transitions: [planned] });
        });

        if (invalid.length) throw new ValidationError(invalid, invalid.length === 1 ? invalid[0]!.message : "Some changes cannot be undone; nothing was stored");
        if (missing.length) throw new NotFoundError(missing.length === 1 ? missing[0]!.message : `${missing.length} changes do not exist`, missing);
        if (conflicts.length) throw new ConflictError(conflicts);
        const batch = await commit(trx, head, items, context);
        if (!batch) throw new Error("A non-empty undo produced no changes");
        return batch;
      });
    },
  };
}

export type UndoLog = ReturnType<typeof createUndoLog>;
