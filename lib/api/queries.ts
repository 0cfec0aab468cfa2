import * as z from "zod";
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
