import { parentPort } from "node:worker_threads";
import type { Asset } from "../../lib/domain/assets";
import { planImportFromSource } from "../../lib/import/run-import";
import { toWorkerError, type FromWorker, type ImportWorkerInput, type ToWorker } from "./import-worker-protocol";

/** Runs in a worker thread: reads, maps and plans imports one at a time; asks the main thread for what is stored. */
const port = parentPort!;
const send = (message: FromWorker) => port.postMessage(message);
const waiting = new Map<number, (assets: Asset[]) => void>();
let lastRequestId = 0;

port.on("message", (message: ToWorker) => {
  if (message.type === "plan") {
    plan(message.input).catch((error: unknown) => send({ type: "failed", error: toWorkerError(error) }));
    return;
  }
  waiting.get(message.requestId)?.(message.assets);
  waiting.delete(message.requestId);
});

const finder = {
  findAssets: (ids: readonly string[]) =>
    new Promise<Asset[]>((resolve) => {
      const requestId = ++lastRequestId;
      waiting.set(requestId, resolve);
      send({ type: "find", requestId, ids: [...ids] });
    }),
};

async function plan({ source, options, limits }: ImportWorkerInput): Promise<void> {
  const { report, writes } = await planImportFromSource(source, options, finder, limits);
  const applied = !options.dryRun;
  send({
    type: "planned",
    // Not a dry run: the main thread writes `writes` in one transaction before anyone sees this report, or throws.
    reportJson: JSON.stringify({ ...report, applied }),
    summary: { layer: report.layer, format: report.format, counts: report.counts, dryRun: report.dryRun, applied },
    writes: applied ? writes : null,
  });
}
