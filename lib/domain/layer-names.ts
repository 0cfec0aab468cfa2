/**
 * The layers and their names without the zod schema, for browser code: the bundler keeps whole
 * modules, so importing layers.ts would put zod into every page's first-load JavaScript.
 */
export const LAYERS = ["schools", "gritting", "bins"] as const;
export type Layer = (typeof LAYERS)[number];

export const LAYER_LABELS: Record<Layer, { singular: string; plural: string }> = {
  schools: { singular: "School", plural: "Schools" },
  gritting: { singular: "Gritting route", plural: "Gritting routes" },
  bins: { singular: "Bin collection round", plural: "Bin collections" },
};

export function isLayer(value: unknown): value is Layer {
  return typeof value === "string" && (LAYERS as readonly string[]).includes(value);
}
