import * as z from "zod";
import { changeBatchInputSchema } from "../../domain/status";
import { undoInputSchema } from "../../domain/undo";
import { exportOptionsSchema } from "../../export/export-assets";
import { importOptionsSchema } from "../../import/import-options";
import { importReportSchema } from "../../import/import-report";
import { webhookInputSchema } from "../../webhooks/webhook-schema";
import { mapFeatureCollectionSchema } from "../map-geometry";
import { publicStatusListSchema } from "../public-statuses";
import { assetsQuerySchema, changesQuerySchema, STATUSES_IDS_MAX, statusesQuerySchema } from "../queries";
import {
  assetCollectionSchema,
  assetWithHistorySchema,
  changesCommittedSchema,
  changesPageSchema,
  changesUndoneSchema,
  deliverySchema,
  publicNoticesSchema,
  webhookCreatedSchema,
  webhookSchema,
} from "./api-schemas";
import { defineRoute } from "./define-route";

const PUBLIC = { type: "public" } as const;
const CACHED = "Public and cacheable: ETag and Last-Modified from the change log's seq (304 on a match), CORS *.";
const invalidQuery = { 400: { description: "Invalid query" } };

export const deliveriesQuerySchema = z.object({
  limit: z.coerce.number({ message: "limit must be a whole number" }).int().min(1).max(500).default(50),
});

/** The public reads, the writes API tokens may make, and the admin plumbing: the first part of /api/v1. */
export const publicRoutes = {
  openApi: defineRoute({
    method: "get",
    path: "/openapi.json",
    summary: "This document",
    auth: PUBLIC,
    responses: { 200: { description: "OpenAPI 3.1", contentType: "application/json" } },
  }),
  listAssets: defineRoute({
    method: "get",
    path: "/assets",
    summary: "Every asset with its public status, as GeoJSON",
    description: CACHED,
    auth: PUBLIC,
    query: assetsQuerySchema,
    responses: { 200: { description: "A FeatureCollection with the current seq", schema: assetCollectionSchema }, 400: { description: "Unknown layer" } },
  }),
  getAsset: defineRoute({
    method: "get",
    path: "/assets/{id}",
    summary: "One asset and its recent public change history",
    description: CACHED,
    auth: PUBLIC,
    responses: { 200: { description: "The asset", schema: assetWithHistorySchema }, 404: { description: "No such asset" } },
  }),
  statuses: defineRoute({
    method: "get",
    path: "/statuses",
    summary: "Every asset's public status without its shape: light enough for live pages",
    description: `\`ids\`: comma-separated asset ids (at most ${STATUSES_IDS_MAX}). Made once per change, with an ETag (304 on a match) and a few seconds' shared caching.`,
    auth: PUBLIC,
    query: statusesQuerySchema,
    responses: { 200: { description: "Statuses with the current seq", schema: publicStatusListSchema }, ...invalidQuery },
  }),
  geometry: defineRoute({
    method: "get",
    path: "/geometry",
    summary: "Every asset's shape for maps, simplified to a few metres; made again only after an import, with an ETag; shared caches may hold it a minute",
    auth: PUBLIC,
    query: assetsQuerySchema,
    responses: { 200: { description: "A GeoJSON FeatureCollection", schema: mapFeatureCollectionSchema }, 400: { description: "Unknown layer" } },
  }),
  publicNotices: defineRoute({
    method: "get",
    path: "/notices",
    summary: "Council-wide notices showing now or scheduled to show later",
    auth: PUBLIC,
    responses: { 200: { description: "The notices", schema: publicNoticesSchema } },
  }),
  changesSince: defineRoute({
    method: "get",
    path: "/changes",
    summary: "Public changes after a seq, oldest first",
    description: CACHED,
    auth: PUBLIC,
    query: changesQuerySchema,
    responses: { 200: { description: "A page of changes", schema: changesPageSchema }, ...invalidQuery },
  }),
  postChanges: defineRoute({
    method: "post",
    path: "/changes",
    summary: "Record status changes as one atomic batch",
    description: "With an API token (`npx snowline token add NAME`, limited to some layers with --layers) or a console session (with the X-CSRF-Token header).",
    auth: { type: "tokenOrSession", permission: "postChanges" },
    body: { name: "ChangeBatchInput", schema: changeBatchInputSchema },
    idempotent: true,
    responses: {
      201: { description: "Stored and published", schema: changesCommittedSchema },
      400: { description: "Invalid input (field errors say which); nothing stored" },
      401: { description: "Missing or invalid API token or session" },
      403: { description: "An asset outside the caller's layers or assets, or no CSRF token; nothing stored" },
      404: { description: "An asset does not exist; nothing stored" },
      409: { description: "expectedVersion is stale (`conflicts` say who changed the asset, when and to what), or the Idempotency-Key's first request is still running; nothing stored" },
      413: { description: "Body larger than 1 MB" },
      415: { description: "Body is not JSON" },
      422: { description: "The Idempotency-Key was used for a different request; nothing stored" },
      503: { description: "The database cannot be reached; nothing stored; retry after Retry-After seconds" },
    },
  }),
  undoChanges: defineRoute({
    method: "post",
    path: "/changes/undo",
    summary: "Revert changes: each asset gets back the status it had before the named change, as one atomic batch",
    description: "With an API token or a console session (with the X-CSRF-Token header).",
    auth: { type: "tokenOrSession", permission: "postChanges" },
    body: { name: "UndoInput", schema: undoInputSchema },
    idempotent: true,
    responses: {
      201: { description: "Stored and published", schema: changesUndoneSchema },
      400: { description: "Invalid, or the earlier status has ended since; nothing stored" },
      401: { description: "No token or session" },
      403: { description: "An asset the caller may not change, or no CSRF token; nothing stored" },
      404: { description: "No such change" },
      409: { description: "The asset changed since (expectedVersion), with who changed it; nothing stored" },
      413: { description: "Body larger than 1 MB" },
      415: { description: "Body is not JSON" },
    },
  }),
  importAssets: defineRoute({
    method: "post",
    path: "/admin/imports",
    summary: "Import a layer's assets from GeoJSON, CSV, KML or a shapefile (admins only)",
    description:
      "Send the file as multipart/form-data (a shapefile as its .shp, .dbf, .prj and .cpg parts; text fields count as options) " +
      "or as the raw body with `format` or a matching Content-Type. A dry run (the default) only reports what would be added, " +
      "updated and rejected; `dryRun=false` writes the added and updated assets in one transaction, keeping their statuses.",
    auth: { type: "session", permission: "importAssets" },
    query: importOptionsSchema,
    body: { contentTypes: ["multipart/form-data", "application/octet-stream"] },
    responses: {
      200: { description: "The report (applied: true when written)", schema: importReportSchema },
      400: { description: "Malformed file or invalid options; nothing stored" },
      413: { description: "File larger than 20 MB" },
      422: { description: "No row could be imported, or a row was rejected in strict mode: fieldErrors and `report` name each row; nothing stored" },
    },
  }),
  exportAssets: defineRoute({
    method: "get",
    path: "/admin/exports",
    summary: "Export a layer's assets with their current statuses (admins only)",
    auth: { type: "session", permission: "importAssets" },
    query: exportOptionsSchema,
    responses: { 200: { description: "The file, as an attachment", contentType: "application/octet-stream" }, 400: { description: "Invalid options" } },
  }),
  assetsGeoJson: defineRoute({
    method: "get",
    path: "/assets.geojson",
    summary: "Bulk download: every asset with its status as GeoJSON, with licence and attribution",
    description: CACHED,
    auth: PUBLIC,
    query: assetsQuerySchema,
    responses: { 200: { description: "A FeatureCollection with seq, licence, attribution", contentType: "application/geo+json" }, ...invalidQuery },
  }),
  assetsCsv: defineRoute({
    method: "get",
    path: "/assets.csv",
    summary: "Bulk download: one CSV row per asset with status columns (formula-like cells start with an apostrophe)",
    description: CACHED,
    auth: PUBLIC,
    query: assetsQuerySchema,
    responses: { 200: { description: "UTF-8 CSV with a header row", contentType: "text/csv" }, ...invalidQuery },
  }),
  addWebhook: defineRoute({
    method: "post",
    path: "/webhooks",
    summary: "Register a webhook: each change batch of its layers is POSTed to the URL, signed with the secret (admins)",
    auth: { type: "session", permission: "manageWebhooks" },
    body: { name: "WebhookInput", schema: webhookInputSchema },
    responses: { 201: { description: "Registered; the secret is shown only now", schema: webhookCreatedSchema }, 400: { description: "Invalid fields" } },
  }),
  listWebhooks: defineRoute({
    method: "get",
    path: "/webhooks",
    summary: "List webhooks (admins)",
    auth: { type: "session", permission: "manageWebhooks" },
    responses: { 200: { description: "Webhooks, without their secrets", schema: z.object({ webhooks: z.array(webhookSchema) }) } },
  }),
  disableWebhook: defineRoute({
    method: "delete",
    path: "/webhooks/{id}",
    summary: "Stop sending to a webhook (admins)",
    auth: { type: "session", permission: "manageWebhooks" },
    responses: { 200: { description: "Removed", schema: z.object({ webhook: webhookSchema }) }, 404: { description: "No active webhook" } },
  }),
  webhookDeliveries: defineRoute({
    method: "get",
    path: "/webhooks/{id}/deliveries",
    summary: "Recent deliveries of a webhook with every attempt (admins)",
    auth: { type: "session", permission: "manageWebhooks" },
    query: deliveriesQuerySchema,
    responses: {
      200: { description: "Deliveries, newest first", schema: z.object({ deliveries: z.array(deliverySchema) }) },
      400: { description: "Invalid query" },
      404: { description: "No such webhook" },
    },
  }),
  retryDelivery: defineRoute({
    method: "post",
    path: "/webhooks/{id}/deliveries/{deliveryId}/retry",
    summary: "Send a delivery whose last attempt failed again now (one that gave up, or one waiting out its backoff) (admins)",
    auth: { type: "session", permission: "manageWebhooks" },
    responses: {
      202: { description: "Queued", schema: z.object({ retrying: z.literal(true) }) },
      404: { description: "No failed delivery of this webhook with that id, or it is being sent right now" },
    },
  }),
};
