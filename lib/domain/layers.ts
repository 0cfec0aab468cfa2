import * as z from "zod";

export const LAYERS = ["schools", "gritting", "bins"] as const;
export type Layer = (typeof LAYERS)[number];
export const layerSchema = z.enum(LAYERS);

export const LAYER_LABELS: Record<Layer, { singular: string; plural: string }> = {
  schools: { singular: "School", plural: "Schools" },
  gritting: { singular: "Gritting route", plural: "Gritting routes" },
  bins: { singular: "Bin collection round", plural: "Bin collections" },
};

export function isLayer(value: unknown): value is Layer {
  return typeof value === "string" && (LAYERS as readonly string[]).includes(value);
}
