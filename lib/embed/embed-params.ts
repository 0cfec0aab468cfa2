import * as z from "zod";
import { assetIdSchema } from "../domain/assets";
import { LAYERS, layerSchema } from "../domain/layers";

export const EMBED_VIEWS = ["summary", "list", "map"] as const;
export type EmbedView = (typeof EMBED_VIEWS)[number];
export const EMBED_THEMES = ["light", "dark"] as const;
export const EMBED_LIMIT_MAX = 200;
export const EMBED_IDS_MAX = 50;

const list = (value: unknown) =>
  typeof value === "string" ? value.split(",").map((s) => s.trim()).filter(Boolean) : value;

/**
 * The widget's settings, as query parameters of /embed (and data- attributes of the embed.js
 * script tag, which become those parameters). One schema for the widget, the builder and oEmbed.
 */
export const embedParamsSchema = z.object({
  layers: z.preprocess(
    list,
    z.array(layerSchema, { message: `layers must be a comma-separated list of ${LAYERS.join(", ")}` }).min(1).max(LAYERS.length),
  ).optional(),
  ids: z.preprocess(list, z.array(assetIdSchema).max(EMBED_IDS_MAX, `ids may name at most ${EMBED_IDS_MAX} assets`)).optional(),
  area: z.string().trim().min(1).max(100, "area is longer than 100 characters").optional(),
  view: z.enum(EMBED_VIEWS, { message: `view must be one of ${EMBED_VIEWS.join(", ")}` }).default("list"),
  only: z.enum(["disrupted"], { message: "only may only be disrupted" }).optional(),
  theme: z.enum(EMBED_THEMES, { message: `theme must be one of ${EMBED_THEMES.join(", ")}` }).default("light"),
  limit: z.coerce
    .number({ message: "limit must be a whole number" })
    .int("limit must be a whole number")
    .min(1, "limit must be at least 1")
    .max(EMBED_LIMIT_MAX, `limit may be at most ${EMBED_LIMIT_MAX}`)
    .default(20),
});
export type EmbedParams = z.infer<typeof embedParamsSchema>;
export type EmbedParamsInput = z.input<typeof embedParamsSchema>;

/** The query string of an /embed URL for these settings; defaults are left out to keep it short. */
export function embedQuery(params: Partial<EmbedParams>): string {
  const query = new URLSearchParams();
  if (params.layers?.length && params.layers.length < LAYERS.length) query.set("layers", params.layers.join(","));
  if (params.ids?.length) query.set("ids", params.ids.join(","));
  if (params.area) query.set("area", params.area);
  if (params.view && params.view !== "list") query.set("view", params.view);
  if (params.only) query.set("only", params.only);
  if (params.theme && params.theme !== "light") query.set("theme", params.theme);
  if (params.limit && params.limit !== 20) query.set("limit", String(params.limit));
  // Commas need no escaping in a query and keep the code readable for people pasting it.
  const text = query.toString().replace(/%2C/gi, ",");
  return text ? `?${text}` : "";
}

/** The data- attributes of the embed.js script tag for these settings. */
export function embedDataAttributes(params: Partial<EmbedParams>): [string, string][] {
  return [...new URLSearchParams(embedQuery(params).slice(1)).entries()].map(([name, value]) => [`data-${name}`, value]);
}
