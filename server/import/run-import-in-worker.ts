import { setImmediate as turnOfTheEventLoop } from "node:timers/promises";
import { Worker } from "node:worker_threads";
import type { Asset } from "../../lib/domain/assets";
import { DEFAULT_IMPORT_LIMITS, ImportLimitError, type ImportLimits } from "../../lib/import/import-limits";
import type { ImportOptions } from "../../lib/import/import-options";
import type { ImportSource } from "../../lib/import/read-source";
import type { Store } from "../../lib/store/store";
import { importWorkerCode } from "./import-worker-code";
import { fromWorkerError, type FromWorker, type ImportSummary, type ToWorker } from "./import-worker-protocol";

export interface ImportWorkerLimits extends ImportLimits {
  /** The worker is stopped after this long, wherever it is. */
  timeMs: number;
  /** The worker's heap; past it V8 stops the worker, not the server. */
  memoryMb: number;
}

export const DEFAULT_IMPORT_WORKER_LIMITS: ImportWorkerLimits = { ...DEFAULT_IMPORT_LIMITS, timeMs: 300_000, memoryMb: 768 };

/** SQLite answers on the main thread without yielding: 90,000 ids at once held it for most of a second, 2,000 take a few ms. */
const FIND_SLICE = 2_000;

export interface ImportOutcome {
  /** The whole report as JSON text, made in the worker. */
  reportJson: string;
  summary: ImportSummary;
}

/**
 * Runs an import as `runImport` does, but reads, maps and plans it in a worker thread, so that a
 * big or hostile file never stalls the pages, the API or the live updates of this process. The
 * main thread only answers the worker's "which of these are stored?" and, unless it is a dry run,
 * writes the planned assets in one transaction. Over a cap (rows, columns, depth, vertices, cell
 * size, time, memory) it throws an ImportLimitError naming the cap; nothing is stored.
 */
export async function runImportInWorker(
  store: Store,
  source: ImportSource,
  options: ImportOptions,
  now: number,
  limits: ImportWorkerLimits = DEFAULT_IMPORT_WORKER_LIMITS,
): Promise<ImportOutcome> {
  const { timeMs, memoryMb, ...caps } = limits;
  const worker = spare?.memoryMb === memoryMb ? takeSpare() : await startWorker(memoryMb);
  worker.ref();
  const planned = await new Promise<Extract<FromWorker, { type: "planned" }>>((resolve, reject) => {
    let isSettled = false;
    const settle = (isWorkerReusable: boolean, finish: () => void) => {
      if (isSettled) return;
      isSettled = true;
      clearTimeout(timer);
      worker.off("message", onMessage).off("error", onError).off("exit", onExit);
      if (isWorkerReusable) keepAsSpare(worker, memoryMb);
      else void worker.terminate();
      finish();
    };
    const timer = setTimeout(
      () => settle(false, () => reject(new ImportLimitError("time", `Reading the file took longer than ${timeMs / 1000} s, the most an import may take. Split it into smaller files.`))),
      timeMs,
    );
    const onMessage = (message: FromWorker) => {
      if (message.type === "planned") settle(true, () => resolve(message));
      else if (message.type === "failed") settle(true, () => reject(fromWorkerError(message.error)));
      else {
        findInSlices(store, message.ids).then(
          (assets) => !isSettled && worker.postMessage({ type: "found", requestId: message.requestId, assets } satisfies ToWorker),
          (error: unknown) => settle(false, () => reject(error)),
        );
      }
    };
    const onError = (error: Error & { code?: string }) =>
      settle(false, () =>
        reject(
          error.code === "ERR_WORKER_OUT_OF_MEMORY"
            ? new ImportLimitError("memory", `Reading the file needed more than ${memoryMb} MB of memory, the most an import may use. Split it into smaller files.`)
            : error,
        ),
      );
    const onExit = (code: number) => settle(false, () => reject(new Error(`The import worker stopped (exit code ${code}) before it finished`)));
    worker.on("message", onMessage).on("error", onError).on("exit", onExit);
    worker.postMessage({ type: "plan", input: { source, options, limits: caps } } satisfies ToWorker);
  });
  if (planned.writes?.length) await store.upsertAssets(planned.writes, now);
  return { reportJson: planned.reportJson, summary: planned.summary };
}

/**
 * One idle worker is kept for the next import: starting one costs about a second of CPU, and an
 * officer checking a file runs several dry runs in a row. Unreferenced, it never keeps the process
 * alive; a worker that hit a cap or failed is never kept.
 */
let spare: { worker: Worker; memoryMb: number } | null = null;

async function startWorker(memoryMb: number): Promise<Worker> {
  const worker = new Worker(await importWorkerCode(), { eval: true, resourceLimits: { maxOldGenerationSizeMb: memoryMb } });
  // An import listens for errors while it runs; this keeps an error of an idle spare from being unhandled.
  worker.on("error", () => undefined);
  return worker;
}

function takeSpare(): Worker {
  const { worker } = spare!;
  spare = null;
  return worker;
}

function keepAsSpare(worker: Worker, memoryMb: number): void {
  if (spare) {
    void worker.terminate();
    return;
  }
  worker.unref();
  spare = { worker, memoryMb };
  worker.once("exit", () => {
    if (spare?.worker === worker) spare = null;
  });
}

async function findInSlices(store: Store, ids: string[]): Promise<Asset[]> {
  const found: Asset[] = [];
  for (let i = 0; i < ids.length; i += FIND_SLICE) {
    if (i) await turnOfTheEventLoop();
    found.push(...(await store.findAssets(ids.slice(i, i + FIND_SLICE))));
  }
  return found;
}
