import * as z from "zod";
import { changeSchema } from "../domain/change";
import { geometrySchema } from "../domain/geometry";
import { LAYERS } from "../domain/layers";
import { publicNoticeSchema } from "../domain/notices";
import { changeBatchInputSchema, publicStatusSchema } from "../domain/status";
import { CHANGES_PAGE_MAX, STATUSES_IDS_MAX } from "./queries";

const errorSchema = z.object({
  error: z.object({
    status: z.int(),
    message: z.string(),
    fieldErrors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    conflicts: z
      .array(z.object({ assetId: z.string(), expectedVersion: z.int(), currentVersion: z.int(), index: z.int() }))
      .optional(),
  }),
});

const featureSchema = z.object({
  type: z.literal("Feature"),
  id: z.string(),
  geometry: z.object({ type: z.string(), coordinates: z.array(z.unknown()) }),
  properties: z.object({
    id: z.string(),
    layer: z.enum(LAYERS),
    name: z.string(),
    attributes: z.record(z.string(), z.unknown()),
    status: publicStatusSchema,
  }),
});

const schema = (s: z.ZodType, io: "input" | "output" = "output") => z.toJSONSchema(s, { io, unrepresentable: "any" });
const json = (ref: string) => ({ "application/json": { schema: { $ref: `#/components/schemas/${ref}` } } });
const errorResponse = (description: string) => ({ description, content: json("Error") });

/** The OpenAPI description of /api/v1, generated from the same zod schemas the server validates with. */
export function buildOpenApiDocument() {
  return {
    openapi: "3.1.0",
    info: {
      title: "Snowline API",
      version: "1.0.0",
      description:
        "Live status of a council's schools, gritting routes and bin collections. GET endpoints are public; " +
        "POST /changes needs an API token (`npx snowline token add NAME`). Live updates are on Socket.IO " +
        "(`status:changes`, `status:heartbeat`, `status:resume`, `status:subscribe`).",
    },
    servers: [{ url: "/api/v1" }],
    components: {
      securitySchemes: { bearer: { type: "http", scheme: "bearer" } },
      schemas: {
        Error: schema(errorSchema),
        Change: schema(changeSchema),
        PublicStatus: schema(publicStatusSchema),
        AssetFeature: schema(featureSchema),
        ChangeBatchInput: schema(changeBatchInputSchema, "input"),
        AssetCollection: schema(
          z.object({ type: z.literal("FeatureCollection"), seq: z.int(), features: z.array(featureSchema) }),
        ),
        AssetWithHistory: schema(featureSchema.extend({ history: z.array(changeSchema) })),
        ChangesPage: schema(z.object({ seq: z.int(), changes: z.array(changeSchema), hasMore: z.boolean() })),
        Notices: schema(z.object({ notices: z.array(publicNoticeSchema) })),
        ChangesCommitted: schema(z.object({ seq: z.int(), changes: z.array(changeSchema) })),
        StatusList: schema(
          z.object({
            seq: z.int(),
            assets: z.array(z.object({ id: z.string(), layer: z.enum(LAYERS), name: z.string(), detail: z.string(), status: publicStatusSchema })),
          }),
        ),
        MapGeometry: schema(
          z.object({
            type: z.literal("FeatureCollection"),
            features: z.array(
              z.object({
                type: z.literal("Feature"),
                id: z.string(),
                geometry: geometrySchema,
                properties: z.object({ layer: z.enum(LAYERS), priority: z.int().optional() }),
              }),
            ),
          }),
        ),
      },
    },
    paths: {
      "/assets": {
        get: {
          summary: "Every asset with its public status, as GeoJSON",
          parameters: [{ name: "layer", in: "query", required: false, schema: { type: "string", enum: [...LAYERS] } }],
          responses: { 200: { description: "A FeatureCollection with the current seq", content: json("AssetCollection") }, 400: errorResponse("Unknown layer") },
        },
      },
      "/assets/{id}": {
        get: {
          summary: "One asset and its recent public change history",
          parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
          responses: { 200: { description: "The asset", content: json("AssetWithHistory") }, 404: errorResponse("No such asset") },
        },
      },
      "/statuses": {
        get: {
          summary: "Every asset's public status without its shape: light enough for live pages",
          parameters: [
            { name: "layer", in: "query", required: false, schema: { type: "string", enum: [...LAYERS] } },
            {
              name: "ids",
              in: "query",
              required: false,
              description: `Comma-separated asset ids (at most ${STATUSES_IDS_MAX})`,
              schema: { type: "string" },
            },
          ],
          responses: { 200: { description: "Statuses with the current seq", content: json("StatusList") }, 400: errorResponse("Invalid query") },
        },
      },
      "/geometry": {
        get: {
          summary: "Every asset's shape for maps, simplified to a few metres; cached for a minute, with an ETag",
          parameters: [{ name: "layer", in: "query", required: false, schema: { type: "string", enum: [...LAYERS] } }],
          responses: { 200: { description: "A GeoJSON FeatureCollection", content: json("MapGeometry") }, 400: errorResponse("Unknown layer") },
        },
      },
      "/notices": {
        get: {
          summary: "Council-wide notices showing now or scheduled to show later",
          responses: { 200: { description: "The notices", content: json("Notices") } },
        },
      },
      "/changes": {
        get: {
          summary: "Public changes after a seq, oldest first",
          parameters: [
            { name: "since", in: "query", schema: { type: "integer", minimum: 0, default: 0 } },
            { name: "limit", in: "query", schema: { type: "integer", minimum: 1, maximum: CHANGES_PAGE_MAX, default: 100 } },
          ],
          responses: { 200: { description: "A page of changes", content: json("ChangesPage") }, 400: errorResponse("Invalid query") },
        },
        post: {
          summary: "Record status changes as one atomic batch",
          security: [{ bearer: [] }],
          requestBody: { required: true, content: json("ChangeBatchInput") },
          responses: {
            201: { description: "Stored and published", content: json("ChangesCommitted") },
            400: errorResponse("Invalid input (field errors say which); nothing stored"),
            401: errorResponse("Missing or invalid API token"),
            404: errorResponse("An asset does not exist; nothing stored"),
            409: errorResponse("expectedVersion is stale; nothing stored"),
            413: errorResponse("Body larger than 1 MB"),
            415: errorResponse("Body is not JSON"),
          },
        },
      },
    },
  };
}
