import * as z from "zod";
import { changeSchema } from "../domain/change";
import { LAYERS } from "../domain/layers";
import { publicNoticeSchema } from "../domain/notices";
import { changeBatchInputSchema, publicStatusSchema } from "../domain/status";
import { consoleOpenApi } from "./openapi-console";
import { CHANGES_PAGE_MAX } from "./queries";

const errorSchema = z.object({
  error: z.object({
    status: z.int(),
    message: z.string(),
    fieldErrors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    conflicts: z
      .array(
        z.object({
          assetId: z.string(),
          expectedVersion: z.int(),
          currentVersion: z.int(),
          index: z.int(),
          current: z
            .object({
              assetName: z.string(),
              status: z.object({ code: z.string(), label: z.string(), message: z.string(), from: z.string().nullable(), until: z.string().nullable() }),
              lastChange: z.object({ seq: z.int(), kind: z.string(), at: z.string(), by: z.string() }).nullable(),
            })
            .optional()
            .describe("Who changed the asset since, and what it holds now (authenticated callers only)"),
        }),
      )
      .optional(),
    retryAfterSeconds: z.int().optional(),
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
  const console = consoleOpenApi();
  return {
    openapi: "3.1.0",
    info: {
      title: "Snowline API",
      version: "1.0.0",
      description:
        "Live status of a council's schools, gritting routes and bin collections. GET endpoints are public; " +
        "POST /changes needs an API token (`npx snowline token add NAME`, limited to some layers with --layers) or a " +
        "console session. Console endpoints use the session cookie and an X-CSRF-Token header. Live updates are on Socket.IO " +
        "(`status:changes`, `status:heartbeat`, `status:resume`, `status:subscribe`).",
    },
    servers: [{ url: "/api/v1" }],
    components: {
      securitySchemes: { bearer: { type: "http", scheme: "bearer" }, ...console.securitySchemes },
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
        ChangesCommitted: schema(z.object({ seq: z.int(), fromSeq: z.int(), changes: z.array(changeSchema) })),
        ...console.schemas,
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
      "/notices": {
        get: {
          summary: "Council-wide notices showing now or scheduled to show later",
          responses: { 200: { description: "The notices", content: json("Notices") } },
        },
        post: console.noticePost,
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
          security: [{ bearer: [] }, { session: [] }],
          requestBody: { required: true, content: json("ChangeBatchInput") },
          responses: {
            201: { description: "Stored and published", content: json("ChangesCommitted") },
            400: errorResponse("Invalid input (field errors say which); nothing stored"),
            401: errorResponse("Missing or invalid API token or session"),
            403: errorResponse("An asset outside the caller's layers or assets, or no CSRF token; nothing stored"),
            404: errorResponse("An asset does not exist; nothing stored"),
            409: errorResponse("expectedVersion is stale; says who changed the asset, when and to what; nothing stored"),
            413: errorResponse("Body larger than 1 MB"),
            415: errorResponse("Body is not JSON"),
          },
        },
      },
      ...console.paths,
    },
  };
}
