import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { initWasm, Resvg } from "@resvg/resvg-wasm";
import satori, { type SatoriOptions } from "satori";
import { OG_FONT_FAMILY, OG_SIZE, OgCard, type OgCardProps } from "./og-card";

/*
 * next/og's ImageResponse fetches any glyph its one font lacks (emoji from a CDN, other scripts from
 * Google Fonts) while rendering, and answers 500 when it cannot. Satori here gets every font from
 * the installed @fontsource packages (SIL Open Font License, in their folders) and a loader that
 * never fetches: an emoji becomes a plain symbol box, a script no font covers is drawn as boxes.
 */

const FONT_FILES: { name: string; pkg: string; file: (weight: number) => string }[] = [
  ...["latin", "latin-ext", "greek", "cyrillic", "cyrillic-ext", "vietnamese", "devanagari"].map((subset) => ({
    name: OG_FONT_FAMILY,
    pkg: "noto-sans",
    file: (weight: number) => `noto-sans-${subset}-${weight}-normal.woff`,
  })),
  { name: "Noto Sans Arabic", pkg: "noto-sans-arabic", file: (weight) => `noto-sans-arabic-arabic-${weight}-normal.woff` },
  { name: "Noto Sans Hebrew", pkg: "noto-sans-hebrew", file: (weight) => `noto-sans-hebrew-hebrew-${weight}-normal.woff` },
];

// Read from the project's node_modules, as Next's documentation reads bundled fonts (from the working directory).
const nodeModules = () => join(process.cwd(), "node_modules");

const EMOJI_FALLBACK = `data:image/svg+xml;base64,${Buffer.from(
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect x="5" y="5" width="22" height="22" rx="5" fill="none" stroke="#505a5f" stroke-width="3"/></svg>',
).toString("base64")}`;

/** What Satori asks for when no font has a glyph: never anything from the network. */
const loadAdditionalAsset: NonNullable<SatoriOptions["loadAdditionalAsset"]> = async (code) => (code === "emoji" ? EMOJI_FALLBACK : []);

let ready: Promise<SatoriOptions["fonts"]> | null = null;

function prepare(): Promise<SatoriOptions["fonts"]> {
  ready ??= (async () => {
    const wasm = await readFile(join(nodeModules(), "@resvg/resvg-wasm/index_bg.wasm"));
    await initWasm(wasm).catch((error: unknown) => {
      // Next may evaluate this module twice (dev reloads); the WebAssembly module is process-wide.
      if (!(error instanceof Error && /already initialized/i.test(error.message))) throw error;
    });
    const fonts = await Promise.all(
      FONT_FILES.flatMap(({ name, pkg, file }) =>
        ([400, 700] as const).map(async (weight) => ({
          name,
          weight,
          style: "normal" as const,
          data: await readFile(join(nodeModules(), "@fontsource", pkg, "files", file(weight))),
        })),
      ),
    );
    return fonts;
  })().catch((error: unknown) => {
    ready = null;
    throw error;
  });
  return ready;
}

/** The share card as PNG bytes, drawn with bundled fonts only. */
export async function renderShareCard(card: OgCardProps): Promise<ArrayBuffer> {
  // The same fonts array every time: Satori parses each font once per array.
  const fonts = await prepare();
  const svg = await satori(<OgCard {...card} />, { ...OG_SIZE, fonts, loadAdditionalAsset });
  const png = new Resvg(svg, { fitTo: { mode: "width", value: OG_SIZE.width } }).render().asPng();
  return png.buffer.slice(png.byteOffset, png.byteOffset + png.byteLength) as ArrayBuffer;
}
