import * as z from "zod";
import { changeSchema } from "../domain/change";
import { geometrySchema } from "../domain/geometry";
import { LAYERS } from "../domain/layers";
import { publicNoticeSchema } from "../domain/notices";
import { changeBatchInputSchema, publicStatusSchema } from "../domain/status";
import { EXPORT_FORMATS } from "../export/export-assets";
import { IMPORT_FORMATS } from "../import/import-options";
import { importReportSchema } from "../import/import-report";
import { consoleOpenApi } from "./openapi-console";
import { CHANGES_PAGE_MAX, STATUSES_IDS_MAX } from "./queries";
import { webhookInputSchema } from "../webhooks/webhook-schema";

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
    report: importReportSchema.optional(),
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

const webhookSchema = z.object({
  id: z.string(),
  url: z.string(),
  layers: z.array(z.enum(LAYERS)),
  createdAt: z.string(),
  createdBy: z.string(),
  disabledAt: z.string().nullable(),
});
const deliverySchema = z.object({
  id: z.string().describe("Also sent as the Snowline-Delivery header; the same on every retry"),
  webhookId: z.string(),
  fromSeq: z.int(),
  toSeq: z.int(),
  state: z.enum(["pending", "delivered", "failed"]),
  attempts: z.int(),
  nextAttemptAt: z.string().nullable(),
  createdAt: z.string(),
  deliveredAt: z.string().nullable(),
  lastError: z.string().nullable(),
  attemptLog: z.array(z.object({ attempt: z.int(), at: z.string(), statusCode: z.int().nullable(), error: z.string().nullable(), durationMs: z.int() })),
});
const layerParameter = { name: "layer", in: "query", required: false, schema: { type: "string", enum: [...LAYERS] } };
const cached = "Public and cacheable: ETag and Last-Modified from the change log's seq (304 on a match), CORS *.";

const schema = (s: z.ZodType, io: "input" | "output" = "output") => z.toJSONSchema(s, { io, unrepresentable: "any" });
const json = (ref: string) => ({ "application/json": { schema: { $ref: `#/components/schemas/${ref}` } } });
const errorResponse = (description: string) => ({ description, content: json("Error") });
const idempotencyKey = { $ref: "#/components/parameters/IdempotencyKey" };
const IDEMPOTENCY_KEY_PARAMETER = {
  name: "Idempotency-Key",
  in: "header",
  required: false,
  schema: { type: "string", minLength: 1, maxLength: 255, pattern: "^[\\x21-\\x7e]+$" },
  description:
    "Makes a retry safe: a new random key (e.g. a UUID) per action, the same key when sending the same request again. " +
    "Kept 24 hours per caller. The same key and body get the first 2xx answer again (header Idempotent-Replayed: true) " +
    "without storing anything; the same key with another body gets 422; while the first request is still running, 409 " +
    "with Retry-After. A request that failed stored nothing and frees its key.",
};

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
        "console session. Console and admin endpoints use the session cookie and an X-CSRF-Token header. Live updates are on Socket.IO " +
        "(`status:changes`, `status:heartbeat`, `status:resume`, `status:subscribe`). Public GETs carry ETag and " +
        "Last-Modified (304 on a match), a short Cache-Control and CORS *. Feeds outside /api/v1: /feeds/changes.atom, " +
        "/feeds/changes/{layer}.atom, /feeds/alerts.cap (CAP 1.2), /feeds/alerts.atom, /feeds/alerts/{seq}.cap, /oembed; see /developers.",
    },
    servers: [{ url: "/api/v1" }],
    components: {
      securitySchemes: { bearer: { type: "http", scheme: "bearer" }, ...console.securitySchemes },
      parameters: { IdempotencyKey: IDEMPOTENCY_KEY_PARAMETER },
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
        ImportReport: schema(importReportSchema),
        ChangesCommitted: schema(
          z.object({
            seq: z.int(),
            fromSeq: z.int(),
            changes: z.array(changeSchema),
            socialPosts: z
              .array(z.object({ assetId: z.string(), seq: z.int(), text: z.string().max(280) }))
              .describe("Ready-to-copy social posts (plain text, at most 280 characters) for batches of up to 20 changes"),
          }),
        ),
        WebhookInput: schema(webhookInputSchema, "input"),
        Webhook: schema(webhookSchema),
        WebhookCreated: schema(z.object({ webhook: webhookSchema, secret: z.string() })),
        Webhooks: schema(z.object({ webhooks: z.array(webhookSchema) })),
        WebhookDeliveries: schema(z.object({ deliveries: z.array(deliverySchema) })),
        ...console.schemas,
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
          parameters: [idempotencyKey],
          requestBody: { required: true, content: json("ChangeBatchInput") },
          responses: {
            201: { description: "Stored and published", content: json("ChangesCommitted") },
            400: errorResponse("Invalid input (field errors say which); nothing stored"),
            401: errorResponse("Missing or invalid API token or session"),
            403: errorResponse("An asset outside the caller's layers or assets, or no CSRF token; nothing stored"),
            404: errorResponse("An asset does not exist; nothing stored"),
            409: errorResponse("expectedVersion is stale; says who changed the asset, when and to what; or the Idempotency-Key's first request is still running; nothing stored"),
            413: errorResponse("Body larger than 1 MB"),
            415: errorResponse("Body is not JSON"),
            422: errorResponse("The Idempotency-Key was used for a different request; nothing stored"),
            503: errorResponse("The database cannot be reached; nothing stored; retry after Retry-After seconds"),
          },
        },
      },
      "/admin/imports": {
        post: {
          summary: "Import a layer's assets from GeoJSON, CSV, KML or a shapefile (admins only)",
          description:
            "Send the file as multipart/form-data (a shapefile as its .shp, .dbf, .prj and .cpg parts; text fields count as options) " +
            "or as the raw body with `format` or a matching Content-Type. A dry run (the default) only reports what would be added, " +
            "updated and rejected; `dryRun=false` writes the added and updated assets in one transaction, keeping their statuses.",
          security: [{ bearer: [] }],
          parameters: [
            { name: "layer", in: "query", required: true, schema: { type: "string", enum: [...LAYERS] } },
            { name: "dryRun", in: "query", schema: { type: "boolean", default: true } },
            { name: "strict", in: "query", schema: { type: "boolean", default: false }, description: "Refuse the whole file if any row is rejected" },
            { name: "format", in: "query", schema: { type: "string", enum: [...IMPORT_FORMATS] } },
            ...["idField", "nameField", "latField", "lonField", "wktField"].map((name) => ({ name, in: "query", schema: { type: "string" } })),
            { name: "crs", in: "query", schema: { type: "string", example: "EPSG:27700" }, description: "The file's CRS when it does not say" },
          ],
          requestBody: { required: true, content: { "multipart/form-data": {}, "application/octet-stream": {} } },
          responses: {
            200: { description: "The report (applied: true when written)", content: json("ImportReport") },
            400: errorResponse("Malformed file or invalid options; nothing stored"),
            401: errorResponse("Missing or invalid credentials"),
            403: errorResponse("Not an admin"),
            413: errorResponse("File larger than 20 MB"),
            422: errorResponse("No row could be imported, or a row was rejected in strict mode: fieldErrors and `report` name each row; nothing stored"),
          },
        },
      },
      "/admin/exports": {
        get: {
          summary: "Export a layer's assets with their current statuses (admins only)",
          security: [{ bearer: [] }],
          parameters: [
            { name: "layer", in: "query", required: true, schema: { type: "string", enum: [...LAYERS] } },
            { name: "format", in: "query", required: true, schema: { type: "string", enum: [...EXPORT_FORMATS] } },
            { name: "csvGeometry", in: "query", schema: { type: "string", enum: ["latlon", "wkt"] } },
          ],
          responses: {
            200: { description: "The file, as an attachment" },
            400: errorResponse("Invalid options"),
            401: errorResponse("Missing or invalid credentials"),
            403: errorResponse("Not an admin"),
          },
        },
      },
      // Issue 5: open-data downloads and webhook administration.
      "/assets.geojson": {
        get: {
          summary: "Bulk download: every asset with its status as GeoJSON, with licence and attribution",
          description: cached,
          parameters: [layerParameter],
          responses: { 200: { description: "A FeatureCollection with seq, licence, attribution", content: { "application/geo+json": {} } } },
        },
      },
      "/assets.csv": {
        get: {
          summary: "Bulk download: one CSV row per asset with status columns (formula-like cells start with an apostrophe)",
          description: cached,
          parameters: [layerParameter],
          responses: { 200: { description: "UTF-8 CSV with a header row", content: { "text/csv": {} } } },
        },
      },
      "/webhooks": {
        get: {
          summary: "List webhooks (admin; API token for now)",
          security: [{ bearer: [] }],
          responses: { 200: { description: "Webhooks, without their secrets", content: json("Webhooks") }, 401: errorResponse("No valid token") },
        },
        post: {
          summary: "Register a webhook: each change batch of its layers is POSTed to the URL, signed with the secret",
          security: [{ bearer: [] }],
          requestBody: { required: true, content: json("WebhookInput") },
          responses: {
            201: { description: "Registered; the secret is shown only now", content: json("WebhookCreated") },
            400: errorResponse("Invalid fields"),
            401: errorResponse("No valid token"),
          },
        },
      },
      "/webhooks/{id}": {
        delete: {
          summary: "Stop sending to a webhook",
          security: [{ bearer: [] }],
          parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
          responses: { 200: { description: "Removed", content: json("Webhook") }, 404: errorResponse("No active webhook") },
        },
      },
      "/webhooks/{id}/deliveries": {
        get: {
          summary: "Recent deliveries of a webhook with every attempt",
          security: [{ bearer: [] }],
          parameters: [
            { name: "id", in: "path", required: true, schema: { type: "string" } },
            { name: "limit", in: "query", schema: { type: "integer", minimum: 1, maximum: 500, default: 50 } },
          ],
          responses: { 200: { description: "Deliveries, newest first", content: json("WebhookDeliveries") }, 404: errorResponse("No such webhook") },
        },
      },
      "/webhooks/{id}/deliveries/{deliveryId}/retry": {
        post: {
          summary: "Send a delivery whose last attempt failed again now (one that gave up, or one waiting out its backoff)",
          security: [{ bearer: [] }],
          parameters: [
            { name: "id", in: "path", required: true, schema: { type: "string" } },
            { name: "deliveryId", in: "path", required: true, schema: { type: "string" } },
          ],
          responses: { 202: { description: "Queued" }, 404: errorResponse("No failed delivery of this webhook with that id, or it is being sent right now") },
        },
      },
      ...console.paths,
    },
  };
}
