import type { Store } from "../store/store";
import { chooseCrs } from "./choose-crs";
import { findExistingAssets } from "./existing-assets";
import type { ImportOptions } from "./import-options";
import { ImportFileError, ImportRejectedError, type ImportReport } from "./import-report";
import { mapFeatures } from "./map-features";
import { outsideBritainWarning } from "./outside-britain";
import { planImport } from "./plan-import";
import { readSource, type ImportSource } from "./read-source";

/**
 * Reads a file, maps it to assets of one layer and reports what would be added, updated, left
 * unchanged and rejected (with row, field and reason). Unless it is a dry run, the added and
 * updated assets are then written in one transaction by `upsertAssets`, which keeps statuses.
 * Throws (and stores nothing) when the file cannot be read, when no row can be imported, or, in
 * strict mode, when any row is rejected.
 */
export async function runImport(store: Store, source: ImportSource, options: ImportOptions, now: number): Promise<ImportReport> {
  const set = await readSource(source, options);
  if (!set.features.length) throw new ImportFileError("The file has no features or rows to import");
  const { crs, description } = chooseCrs(set, options.crs);
  const mapped = mapFeatures(set, crs, options);
  const existing = await findExistingAssets(store, mapped.assets.map((m) => m.asset.id));
  const plan = planImport(mapped.assets, existing, mapped.idField);
  const rejected = [...mapped.rejected, ...plan.rejected].sort((a, b) => a.row - b.row);
  const count = (action: string) => plan.planned.filter((p) => p.action === action).length;
  const warning = outsideBritainWarning(mapped.assets, set.rowKind);
  const report: ImportReport = {
    layer: options.layer,
    format: source.format,
    rowKind: set.rowKind,
    crs: description,
    idField: mapped.idField,
    nameField: mapped.nameField,
    counts: {
      read: set.features.length,
      assets: plan.planned.length,
      add: count("add"),
      update: count("update"),
      unchanged: count("unchanged"),
      rejected: new Set(rejected.map((r) => r.row)).size,
    },
    assets: plan.planned,
    rejected,
    warnings: warning ? [...mapped.warnings, warning] : mapped.warnings,
    dryRun: options.dryRun,
    applied: false,
  };
  if (!plan.planned.length) throw new ImportRejectedError(report, `No ${set.rowKind} of the file could be imported; nothing was stored`);
  if (options.strict && rejected.length) {
    throw new ImportRejectedError(report, `${report.counts.rejected} ${set.rowKind}s were rejected and strict is on; nothing was stored`);
  }
  if (options.dryRun) return report;
  if (plan.writes.length) await store.upsertAssets(plan.writes, now);
  return { ...report, applied: true };
}
