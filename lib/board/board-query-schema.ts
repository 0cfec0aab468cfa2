import * as z from "zod";
import { assetIdSchema } from "../domain/assets";
import { isLayer, LAYERS } from "../domain/layers";
import { DEFAULT_BOARD_QUERY, LIST_SORTS, SEARCH_MAX_LENGTH, type BoardQuery } from "./board-query";

type RawParam = string | string[] | undefined;
const first = (value: unknown) => (Array.isArray(value) ? value[0] : value);
const all = (value: unknown): unknown[] => (Array.isArray(value) ? value : value === undefined ? [] : [value]);

/**
 * The board's URL query. Links get shared, bookmarked and typed by hand, so a value we cannot use
 * falls back to its default instead of failing the page: the resident still gets the statuses.
 */
export const boardQuerySchema = z.object({
  layer: z.preprocess(all, z.array(z.string())).transform((values) => {
    const chosen = LAYERS.filter((layer) => values.some((v) => isLayer(v) && v === layer));
    return chosen.length ? chosen : [...LAYERS];
  }),
  only: z.preprocess(first, z.literal("disrupted").optional()).catch(undefined),
  sort: z.preprocess(first, z.enum(LIST_SORTS)).catch("name"),
  q: z
    .preprocess(first, z.string())
    .catch("")
    .transform((q) => q.replace(/\s+/g, " ").trim().slice(0, SEARCH_MAX_LENGTH)),
  page: z.preprocess(first, z.coerce.number().int().min(1).max(100_000)).catch(1),
  asset: z.preprocess(first, assetIdSchema.nullable()).catch(null),
});

export function parseBoardQuery(params: Record<string, RawParam>): BoardQuery {
  const parsed = boardQuerySchema.parse({ asset: null, ...params });
  return {
    ...DEFAULT_BOARD_QUERY,
    layers: parsed.layer,
    onlyDisrupted: parsed.only === "disrupted",
    sort: parsed.sort,
    q: parsed.q,
    page: parsed.page,
    asset: parsed.asset,
  };
}
