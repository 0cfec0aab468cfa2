import { readFileSync } from "node:fs";
import { join } from "node:path";

/** Written by scripts/build-embed.mjs: entry name → content-hashed file under /embed-assets/. */
export interface EmbedManifest {
  "widget.js": string;
  "widget-map.js": string;
  "widget-map.css": string;
  "embed.js": string;
}

export const EMBED_ASSETS_DIR = join(process.cwd(), "public", "embed-assets");

let cached: EmbedManifest | null = null;

/** The hashed script names, read once; `npm run build` (or `dev`) must have built them. */
export function embedManifest(): EmbedManifest {
  if (cached) return cached;
  try {
    cached = JSON.parse(readFileSync(join(EMBED_ASSETS_DIR, "manifest.json"), "utf8")) as EmbedManifest;
    return cached;
  } catch (error) {
    throw new Error(`The embed widget scripts are missing; run npm run build (scripts/build-embed.mjs): ${String(error)}`);
  }
}
