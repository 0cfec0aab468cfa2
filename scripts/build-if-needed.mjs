import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { buildEmbed, EMBED_LOADER, EMBED_OUT_DIR } from "./build-embed.mjs";
import { PRECOMPRESSED_MARKER, precompressStatic } from "./precompress-static.mjs";

const SOURCES = ["app", "components", "lib", "public", "scripts/build-embed.mjs", "scripts/precompress-static.mjs", "next.config.ts", "package.json", "package-lock.json", "tsconfig.json"];
const BUILD_MARKER = join(".next", "BUILD_ID");

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestMtime(join(path, name))), stat.mtimeMs);
}

/** Runs `next build` unless a production build newer than every source file exists. */
export async function buildIfNeeded() {
  const built = existsSync(BUILD_MARKER) ? statSync(BUILD_MARKER).mtimeMs : 0;
  const changed = Math.max(...SOURCES.map(newestMtime));
  const hasEmbed = existsSync(join(EMBED_OUT_DIR, "manifest.json")) && existsSync(EMBED_LOADER);
  if (built > changed && hasEmbed) {
    console.log("Using the existing production build (.next).");
    // A build made by `next build` alone has not had its static files compressed yet.
    if (!existsSync(PRECOMPRESSED_MARKER) || statSync(PRECOMPRESSED_MARKER).mtimeMs < built) console.log(`Precompressed ${precompressStatic()} static files.`);
    return;
  }
  console.log("Building the embed widget (scripts/build-embed.mjs)…");
  await buildEmbed();
  console.log("Building Snowline (next build)…");
  const result = spawnSync("npx", ["next", "build"], {
    stdio: "inherit",
    env: { NEXT_TELEMETRY_DISABLED: "1", ...process.env },
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
  console.log(`Precompressed ${precompressStatic()} static files (brotli 11, gzip 9).`);
}

if (import.meta.url === `file://${process.argv[1]}`) await buildIfNeeded();
