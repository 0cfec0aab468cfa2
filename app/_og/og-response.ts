import { headers } from "next/headers";

/** Rendered cards, kept per data version: a card costs ~100 ms of CPU, a snow morning asks for it thousands of times. */
const cache = new Map<string, ArrayBuffer>();
const MAX_CARDS = 200;

/**
 * Answers with the card for `version` (a seq or an asset's status version), rendering it only when
 * no copy for that version is held; 304 when the client already has it.
 */
export async function cachedCard(version: string, render: () => Promise<ArrayBuffer>): Promise<Response> {
  const etag = `"og-${version.replace(/[^A-Za-z0-9._:-]/g, "_")}"`;
  const common = { ETag: etag, "Cache-Control": "public, max-age=60, stale-while-revalidate=600" };
  if ((await headers()).get("if-none-match") === etag) return new Response(null, { status: 304, headers: common });
  let png = cache.get(version);
  if (!png) {
    png = await render();
    if (cache.size >= MAX_CARDS) cache.delete(cache.keys().next().value!);
    cache.set(version, png);
  }
  return new Response(png, { headers: { ...common, "Content-Type": "image/png" } });
}
