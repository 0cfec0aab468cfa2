// The import worker's entry. Node 20 does not apply `--import tsx` from a worker's execArgv to the
// worker's own entry module (it fails with ERR_UNKNOWN_FILE_EXTENSION), so tsx is registered here,
// as bin/snowline.mjs does for the CLI, before the TypeScript worker is loaded.
import { register } from "tsx/esm/api";

register();
await import(new URL("./import-worker.ts", import.meta.url).href);
