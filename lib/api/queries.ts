import * as z from "zod";
import { assetIdSchema } from "../domain/assets";
import { layerSchema } from "../domain/layers";

export const CHANGES_PAGE_MAX = 1000;

export const assetsQuerySchema = z.object({
  layer: layerSchema.optional(),
});

export const changesQuerySchema = z.object({
  since: z.coerce.number({ message: "since must be a whole number" }).int("since must be a whole number").min(0).default(0),
  limit: z.coerce
    .number({ message: "limit must be a whole number" })
    .int("limit must be a whole number")
    .min(1)
    .max(CHANGES_PAGE_MAX, `limit may be at most ${CHANGES_PAGE_MAX}`)
    .default(100),
});

export const STATUSES_IDS_MAX = 200;

export const statusesQuerySchema = z.object({
  layer: layerSchema.optional(),
  /** Comma-separated asset ids, e.g. a resident's starred places. */
  ids: z
    .string()
    .transform((value) => value.split(",").map((id) => id.trim()).filter(Boolean))
    .pipe(z.array(assetIdSchema).min(1, "ids is empty").max(STATUSES_IDS_MAX, `Ask for at most ${STATUSES_IDS_MAX} ids`))
    .optional(),
});
