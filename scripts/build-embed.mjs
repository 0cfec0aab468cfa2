// Bundles the embeddable widget's browser code with esbuild (already installed through tsx):
// public/embed-assets/widget.<hash>.js (summary and list views: Preact + socket.io-client + the
// shared sync logic, no map library), widget-map.<hash>.js/.css (adds Leaflet) and public/embed.js
// (the script-tag loader). Next's own client runtime is never loaded by the widget.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { build } from "esbuild";

export const EMBED_OUT_DIR = join("public", "embed-assets");
export const EMBED_LOADER = join("public", "embed.js");

const shared = {
  bundle: true,
  minify: true,
  sourcemap: false,
  target: ["es2020", "chrome100", "firefox100", "safari15"],
  define: { "process.env.NODE_ENV": '"production"' },
  legalComments: "none",
  logLevel: "warning",
};

export async function buildEmbed() {
  rmSync(EMBED_OUT_DIR, { recursive: true, force: true });
  mkdirSync(EMBED_OUT_DIR, { recursive: true });
  const widgets = await build({
    ...shared,
    entryPoints: { widget: "components/embed/widget-entry.ts", "widget-map": "components/embed/widget-map-entry.ts" },
    outdir: EMBED_OUT_DIR,
    entryNames: "[name].[hash]",
    assetNames: "[name].[hash]",
    format: "esm",
    loader: { ".png": "file", ".svg": "file" },
    metafile: true,
  });
  const manifest = {};
  for (const [output, meta] of Object.entries(widgets.metafile.outputs)) {
    const entry = meta.entryPoint ?? meta.cssBundle;
    if (!meta.entryPoint && !output.endsWith(".css")) continue;
    const name = basename(output).replace(/\.[A-Z0-9]+\.(js|css)$/, ".$1");
    manifest[name] = basename(output);
    void entry;
  }
  await build({ ...shared, entryPoints: ["components/embed/embed-loader.ts"], outfile: EMBED_LOADER, format: "iife" });
  manifest["embed.js"] = "../embed.js";
  writeFileSync(join(EMBED_OUT_DIR, "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  return { manifest, metafile: widgets.metafile };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { manifest } = await buildEmbed();
  console.log(`Built the embed widget: ${Object.values(manifest).join(", ")}`);
}
