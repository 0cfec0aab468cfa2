import * as z from "zod";
import { layerSchema, type Layer } from "./layers";
import { MESSAGE_MAX_LENGTH, plainTextSchema } from "./status";

/** A message an admin saves for a layer, e.g. "Closed due to snow. Check back at 7am." */
export const templateInputSchema = z.strictObject({
  layer: layerSchema,
  name: plainTextSchema(60, "Template name").pipe(z.string().trim().min(1, "Give the template a short name")),
  message: plainTextSchema(MESSAGE_MAX_LENGTH).pipe(z.string().trim().min(1, "The template message is empty")),
});
export type TemplateInput = z.infer<typeof templateInputSchema>;

export interface MessageTemplate {
  id: string;
  layer: Layer;
  name: string;
  message: string;
  createdAt: number;
  createdBy: string;
}
