import type { Asset } from "../../lib/domain/assets";
import { ValidationError, type FieldError } from "../../lib/domain/errors";
import { ImportLimitError, type ImportLimitName, type ImportLimits } from "../../lib/import/import-limits";
import type { ImportOptions } from "../../lib/import/import-options";
import { ImportRejectedError, type ImportReport } from "../../lib/import/import-report";
import type { ImportSource } from "../../lib/import/read-source";

/** One import for the worker to plan. */
export interface ImportWorkerInput {
  source: ImportSource;
  options: ImportOptions;
  limits: ImportLimits;
}

export type ImportSummary = Pick<ImportReport, "layer" | "format" | "counts" | "dryRun" | "applied">;

export type FromWorker =
  /** The worker asks which of these ids are stored: the store stays on the main thread. */
  | { type: "find"; requestId: number; ids: string[] }
  /**
   * The plan. The report comes as JSON text made in the worker (a report of 100,000 rows is
   * megabytes of JSON: the main thread only copies the string), `writes` only when not a dry run.
   */
  | { type: "planned"; reportJson: string; summary: ImportSummary; writes: Asset[] | null }
  | { type: "failed"; error: WorkerError };

/** An import to plan, or the answer to a `find` (if the store fails, the main thread stops the worker instead). */
export type ToWorker = { type: "plan"; input: ImportWorkerInput } | { type: "found"; requestId: number; assets: Asset[] };

/** Errors cross the thread as data: class identity does not survive structured cloning. */
export type WorkerError =
  | { kind: "limit"; limit: ImportLimitName; message: string }
  | { kind: "rejected"; message: string; reportJson: string }
  | { kind: "validation"; message: string; fieldErrors: FieldError[] }
  | { kind: "unexpected"; message: string; stack?: string };

export function toWorkerError(error: unknown): WorkerError {
  if (error instanceof ImportLimitError) return { kind: "limit", limit: error.limit, message: error.message };
  if (error instanceof ImportRejectedError) return { kind: "rejected", message: error.message, reportJson: JSON.stringify(error.report) };
  if (error instanceof ValidationError) return { kind: "validation", message: error.message, fieldErrors: error.fieldErrors };
  const { message, stack } = error instanceof Error ? error : new Error(String(error));
  return { kind: "unexpected", message, stack };
}

export function fromWorkerError(error: WorkerError): Error {
  switch (error.kind) {
    case "limit":
      return new ImportLimitError(error.limit, error.message);
    case "rejected":
      return new ImportRejectedError(JSON.parse(error.reportJson) as ImportReport, error.message);
    case "validation":
      return new ValidationError(error.fieldErrors, error.message);
    case "unexpected":
      return Object.assign(new Error(`The import worker failed: ${error.message}`), { stack: error.stack });
  }
}
