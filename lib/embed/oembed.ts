import * as z from "zod";
import { assetIdSchema } from "../domain/assets";
import { embedQuery, type EmbedParams } from "./embed-params";

/** oEmbed 1.0 (https://oembed.com) request parameters. */
export const oembedQuerySchema = z.object({
  url: z.url({ message: "url must be the address of a Snowline page" }),
  format: z.enum(["json", "xml"], { message: "format must be json" }).default("json"),
  maxwidth: z.coerce.number().int().min(100).max(4000).optional(),
  maxheight: z.coerce.number().int().min(100).max(4000).optional(),
});
export type OembedQuery = z.infer<typeof oembedQuerySchema>;

export interface OembedTarget {
  title: string;
  params: Partial<EmbedParams>;
  height: number;
}

/** What a pasted link embeds: an asset page becomes that asset's card, the map the council summary. */
export function oembedTargetPath(pageUrl: URL): { kind: "home" } | { kind: "asset"; id: string } | null {
  if (pageUrl.pathname === "/" || pageUrl.pathname === "") return { kind: "home" };
  const match = /^\/assets\/([^/]+)\/?$/.exec(pageUrl.pathname);
  if (!match) return null;
  const id = assetIdSchema.safeParse(decodeURIComponent(match[1]!));
  return id.success ? { kind: "asset", id: id.data } : null;
}

export interface OembedResponse {
  version: "1.0";
  type: "rich";
  title: string;
  provider_name: string;
  provider_url: string;
  html: string;
  width: number;
  height: number;
  cache_age: number;
}

const DEFAULT_WIDTH = 480;

/**
 * The rich oEmbed reply: an iframe of the live widget. Its markup holds only our own URL (asset ids
 * are restricted to [A-Za-z0-9._:-]) and fixed words, never officer or asset text.
 */
export function oembedResponse(options: {
  baseUrl: string;
  providerName: string;
  target: OembedTarget;
  maxwidth?: number;
  maxheight?: number;
}): OembedResponse {
  const width = Math.min(options.maxwidth ?? DEFAULT_WIDTH, DEFAULT_WIDTH);
  const height = Math.min(options.maxheight ?? options.target.height, options.target.height);
  const src = `${options.baseUrl}/embed${embedQuery(options.target.params)}`;
  const html = `<iframe src="${src.replace(/&/g, "&amp;")}" title="Live winter service status" width="${width}" height="${height}" style="border:0;max-width:100%" loading="lazy"></iframe>`;
  return {
    version: "1.0",
    type: "rich",
    title: options.target.title,
    provider_name: options.providerName,
    provider_url: `${options.baseUrl}/`,
    html,
    width,
    height,
    cache_age: 300,
  };
}

/** The discovery <link> of a page, as Next.js metadata `alternates.types` (app pages add it to their metadata). */
export function oembedDiscovery(baseUrl: string, pagePath: string, title: string) {
  const pageUrl = `${baseUrl}${pagePath}`;
  return {
    types: {
      "application/json+oembed": [{ url: `${baseUrl}/oembed?url=${encodeURIComponent(pageUrl)}&format=json`, title }],
    },
  };
}
