import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const WORKER_ENTRY = fileURLToPath(new URL("./import-worker.ts", import.meta.url));
let bundle: Promise<string> | null = null;

/**
 * The import worker's code as one CommonJS bundle, made once per process with the esbuild that tsx
 * runs on. A worker has a module cache of its own: loading lib/import's TypeScript through tsx
 * took 2-4 s per worker on a busy machine, the bundle under one. (Node 20 also does not apply
 * `--import tsx` from a worker's execArgv to the worker's entry: ERR_UNKNOWN_FILE_EXTENSION.)
 */
export function importWorkerCode(): Promise<string> {
  bundle ??= build({ entryPoints: [WORKER_ENTRY], bundle: true, platform: "node", format: "cjs", target: "node20", write: false, logLevel: "silent" }).then(
    (result) => result.outputFiles[0]!.text,
    (error: unknown) => {
      bundle = null;
      throw error;
    },
  );
  return bundle;
}
