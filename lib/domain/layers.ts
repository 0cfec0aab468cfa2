import * as z from "zod";
import { LAYERS } from "./layer-names";

export { LAYER_LABELS, LAYERS, isLayer, type Layer } from "./layer-names";
export const layerSchema = z.enum(LAYERS);
