// Compresses Next.js's hashed static files once, at build time, so the server never compresses
// them per request: a .br (brotli 11: slow, but once per build) and a .gz beside each one.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

export const STATIC_DIR = join(".next", "static");
/** Written last: a build whose marker is older than BUILD_ID has not been compressed yet. */
export const PRECOMPRESSED_MARKER = join(STATIC_DIR, ".precompressed");
const COMPRESSIBLE = /\.(js|mjs|css|svg|json|txt|map)$/;
// Below this, compression saves less than the headers it adds.
const MIN_BYTES = 512;

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else yield path;
  }
}

export function precompressStatic() {
  if (!existsSync(STATIC_DIR)) throw new Error(`No ${STATIC_DIR}: run next build first`);
  let count = 0;
  for (const path of files(STATIC_DIR)) {
    if (!COMPRESSIBLE.test(path)) continue;
    const body = readFileSync(path);
    if (body.length < MIN_BYTES) continue;
    writeFileSync(`${path}.br`, brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } }));
    writeFileSync(`${path}.gz`, gzipSync(body, { level: 9 }));
    count += 1;
  }
  writeFileSync(PRECOMPRESSED_MARKER, `${count}\n`);
  return count;
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(`Precompressed ${precompressStatic()} static files (brotli 11, gzip 9).`);
