import type { Metadata } from "next";
import { connection } from "next/server";
import { getAppContext } from "@/lib/app-context";
import { publicBaseUrl } from "@/lib/public-config";
import { oembedDiscovery } from "@/lib/embed/oembed";

/**
 * The site's address: SNOWLINE_PUBLIC_URL (the server defaults it to its own address outside
 * production). Never the request's Host header, which a client can forge into cacheable pages.
 */
export async function siteBaseUrl(): Promise<string> {
  // Pages that print it are rendered per request (their scripts carry the response's CSP nonce).
  await connection();
  return publicBaseUrl(getAppContext().config);
}

/**
 * Metadata for pages that can be shared and embedded: absolute URLs for the Open Graph card and
 * the oEmbed discovery <link>, so CMSs turn a pasted link into the live widget.
 * Home: `generateMetadata = () => shareMetadata("/", title)`; asset pages: `shareMetadata(`/assets/${id}`, name)`.
 */
export async function shareMetadata(path: string, title: string): Promise<Metadata> {
  const base = await siteBaseUrl();
  return { metadataBase: new URL(base), alternates: oembedDiscovery(base, path, title) };
}
