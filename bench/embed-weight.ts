// Measures the JavaScript each embed view loads, gzipped: `npm run bench:embed-weight`.
// Budget: the summary and list views load at most 60 KB of JavaScript, gzipped, and no map library.
// Builds the bundles exactly as production does (scripts/build-embed.mjs), then reads them back.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
// @ts-expect-error plain ES module without types
import { buildEmbed, EMBED_OUT_DIR } from "../scripts/build-embed.mjs";

export const EMBED_JS_BUDGET_GZIP_BYTES = 60 * 1024;

interface Metafile {
  outputs: Record<string, { entryPoint?: string; inputs: Record<string, { bytesInOutput: number }> }>;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

function sizes(file: string) {
  const bytes = readFileSync(file);
  return {
    raw: bytes.length,
    gzip6: gzipSync(bytes).length,
    gzip9: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

function packagesOf(metafile: Metafile, entry: string): [string, number][] {
  const output = Object.values(metafile.outputs).find((o) => o.entryPoint === entry);
  const totals = new Map<string, number>();
  for (const [input, { bytesInOutput }] of Object.entries(output?.inputs ?? {})) {
    const parts = input.split("node_modules/")[1]?.split("/");
    const name = parts ? (parts[0]!.startsWith("@") ? `${parts[0]}/${parts[1]}` : parts[0]!) : "snowline (lib/, components/)";
    totals.set(name, (totals.get(name) ?? 0) + bytesInOutput);
  }
  return [...totals].sort((a, b) => b[1] - a[1]);
}

const { manifest, metafile } = (await buildEmbed()) as { manifest: Record<string, string>; metafile: Metafile };
const views = [
  { view: "summary, list", file: manifest["widget.js"]!, entry: "components/embed/widget-entry.ts", budget: EMBED_JS_BUDGET_GZIP_BYTES },
  { view: "map", file: manifest["widget-map.js"]!, entry: "components/embed/widget-map-entry.ts", budget: null },
  { view: "embed.js loader (host page)", file: manifest["embed.js"]!, entry: "", budget: null },
];

console.log("Embed widget JavaScript per view (each view loads exactly one script):\n");
console.log("view                         raw        gzip -6    gzip -9    brotli     budget");
let failed = false;
for (const { view, file, budget } of views) {
  const s = sizes(join(EMBED_OUT_DIR, file));
  const verdict = budget === null ? "" : s.gzip6 <= budget ? `≤ ${kb(budget)} ✓` : `> ${kb(budget)} ✗`;
  failed ||= budget !== null && s.gzip6 > budget;
  console.log(`${view.padEnd(28)} ${kb(s.raw).padEnd(10)} ${kb(s.gzip6).padEnd(10)} ${kb(s.gzip9).padEnd(10)} ${kb(s.brotli).padEnd(10)} ${verdict}`);
}
for (const { view, entry } of views.filter((v) => v.entry)) {
  console.log(`\nMinified bytes by package, ${view}:`);
  for (const [name, bytes] of packagesOf(metafile, entry).slice(0, 8)) console.log(`  ${name.padEnd(30)} ${kb(bytes)}`);
}
if (failed) {
  console.error("\nThe summary/list widget is over its budget.");
  process.exit(1);
}
