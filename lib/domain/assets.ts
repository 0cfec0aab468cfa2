import * as z from "zod";
import { geometrySchema, type GeometryType } from "./geometry";
import { layerSchema, type Layer } from "./layers";
import { importedTextSchema } from "./safe-text";

/** Which geometries each layer accepts: bins may be areas, or points where a council has no areas. */
export const LAYER_GEOMETRIES: Record<Layer, readonly GeometryType[]> = {
  schools: ["Point"],
  gritting: ["LineString", "MultiLineString"],
  bins: ["Polygon", "MultiPolygon", "Point"],
};

export const assetIdSchema = z
  .string()
  .min(1, "Asset id is empty")
  .max(120, "Asset id is longer than 120 characters")
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]*$/, "Asset id may hold only letters, digits and . _ : -");

// Assets come from imported files: a stray invisible character is dropped rather than the asset refused.
const attributeValueSchema = z.union([
  importedTextSchema(2000, "Attribute"),
  z.number(),
  z.boolean(),
  z.null(),
  z.array(importedTextSchema(200, "List item")).max(500),
]);
export type AttributeValue = z.infer<typeof attributeValueSchema>;

export const assetSchema = z
  .object({
    id: assetIdSchema,
    layer: layerSchema,
    name: importedTextSchema(200, "Name").pipe(z.string().trim().min(1, "Name is empty")),
    geometry: geometrySchema,
    attributes: z.record(importedTextSchema(64, "Attribute name"), attributeValueSchema).default({}),
  })
  .superRefine((asset, ctx) => {
    const allowed = LAYER_GEOMETRIES[asset.layer];
    if (!allowed.includes(asset.geometry.type)) {
      ctx.addIssue({
        code: "custom",
        path: ["geometry", "type"],
        message: `A ${asset.layer} asset needs ${allowed.join(" or ")} geometry, not ${asset.geometry.type}`,
      });
    }
  });

export type Asset = z.infer<typeof assetSchema>;
export type AssetInput = z.input<typeof assetSchema>;
