import type { Asset } from "../domain/assets";
import { ValidationError } from "../domain/errors";
import type { Store } from "../store/store";
import { chooseCrs } from "./choose-crs";
import { findExistingAssets, type AssetFinder } from "./existing-assets";
import { DEFAULT_IMPORT_LIMITS, type ImportLimits } from "./import-limits";
import type { ImportOptions } from "./import-options";
import { ImportFileError, ImportRejectedError, type ImportReport } from "./import-report";
import { mapFeatures } from "./map-features";
import { outsideBritainWarning } from "./outside-britain";
import { planImport } from "./plan-import";
import { readSource, type ImportSource } from "./read-source";
import type { RawFeatureSet } from "./raw-features";

/**
 * Reads a file, maps it to assets of one layer and reports what would be added, updated, left
 * unchanged and rejected (with row, field and reason). Unless it is a dry run, the added and
 * updated assets are then written in one transaction by `upsertAssets`, which keeps statuses.
 * Throws (and stores nothing) when the file cannot be read, when no row can be imported, or, in
 * strict mode, when any row is rejected.
 */
export async function runImport(
  store: Store,
  source: ImportSource,
  options: ImportOptions,
  now: number,
  limits: ImportLimits = DEFAULT_IMPORT_LIMITS,
): Promise<ImportReport> {
  const { report, writes } = await planImportFromSource(source, options, store, limits);
  if (options.dryRun) return report;
  if (writes.length) await store.upsertAssets(writes, now);
  return { ...report, applied: true };
}

export interface PlannedImport {
  /** With `applied: false`: the caller sets it once `writes` are stored. */
  report: ImportReport;
  /** The added and updated assets, to store in one transaction unless it is a dry run. */
  writes: Asset[];
}

/**
 * Everything an import does but the write: read within the caps, choose the CRS, map, compare
 * with what `finder` says is stored, report. The heavy part of an import, and it needs nothing of
 * the store but `findAssets`, so it can run off the main thread. Throws as `runImport` does.
 */
export async function planImportFromSource(
  source: ImportSource,
  options: ImportOptions,
  finder: AssetFinder,
  limits: ImportLimits = DEFAULT_IMPORT_LIMITS,
): Promise<PlannedImport> {
  const set = await readWithinLimits(source, options, limits);
  if (!set.features.length) throw new ImportFileError("The file has no features or rows to import");
  const { crs, description } = chooseCrs(set, options.crs);
  const mapped = mapFeatures(set, crs, options);
  const existing = await findExistingAssets(finder, mapped.assets.map((m) => m.asset.id));
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
  return { report, writes: plan.writes };
}

/** A reader that trips over a malformed file in a way of its own (a library's TypeError) still answers with a file error, never a crash. */
async function readWithinLimits(source: ImportSource, options: ImportOptions, limits: ImportLimits): Promise<RawFeatureSet> {
  try {
    return await readSource(source, options, limits);
  } catch (error) {
    if (error instanceof ValidationError) throw error;
    const message = error instanceof RangeError ? "it is nested too deeply" : (error as Error).message;
    throw new ImportFileError(`The ${source.format} file could not be read: ${message}`);
  }
}
