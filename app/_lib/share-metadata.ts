import type { Metadata } from "next";
import { headers } from "next/headers";
import { getAppContext } from "@/lib/app-context";
import { oembedDiscovery } from "@/lib/embed/oembed";

/** The site's address as the reader sees it: SNOWLINE_PUBLIC_URL, else this request's host. */
export async function siteBaseUrl(): Promise<string> {
  const { config } = getAppContext();
  if (config.publicUrl) return config.publicUrl.replace(/\/+$/, "");
  const list = await headers();
  const proto = list.get("x-forwarded-proto")?.split(",")[0]?.trim() || "http";
  return `${proto}://${list.get("x-forwarded-host") ?? list.get("host") ?? "localhost"}`;
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
