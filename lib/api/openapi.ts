import * as z from "zod";
import { API_ROUTES } from "./contract/api-routes";
import { pathParamsOf, type RouteContract } from "./contract/define-route";
import { rateLimitOf } from "./contract/rate-limits";
import { SESSION_COOKIE } from "../auth/session-policy";
import { errorResponseSchema } from "./error-body";

type JsonSchema = Record<string, unknown>;

const toJsonSchema = (schema: z.ZodType, io: "input" | "output"): JsonSchema => {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: "any" }) as JsonSchema;
  return rest;
};
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const errorContent = { "application/json": { schema: ref("Error") } };

const SECURITY = {
  public: [],
  session: [{ session: [] }],
  tokenOrSession: [{ bearer: [] }, { session: [] }],
} as const;

function queryParameters(query: z.ZodType | undefined) {
  if (!query) return [];
  const schema = toJsonSchema(query, "input") as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(schema.properties ?? {}).map(([name, property]) => {
    const { description, ...rest } = property;
    return { name, in: "query", required: schema.required?.includes(name) ?? false, ...(description ? { description } : {}), schema: rest };
  });
}

function responsesOf(route: RouteContract) {
  const implied: RouteContract["responses"] =
    route.auth.type === "public"
      ? {}
      : {
          401: { description: route.auth.type === "session" ? "Not signed in" : "Missing or invalid API token or session" },
          403: { description: `Lacks the ${route.auth.permission} permission, or a write without the session's CSRF token` },
        };
  const idempotency: RouteContract["responses"] = route.idempotent
    ? {
        409: { description: "The Idempotency-Key's first request is still running (retry after Retry-After), or another conflict; nothing stored" },
        422: { description: "The Idempotency-Key was used for a different request; nothing stored" },
      }
    : {};
  const limit = rateLimitOf(route);
  const rateLimited: RouteContract["responses"] = limit
    ? { 429: { description: limit === "read" ? "Too many requests from this address; retry after Retry-After seconds" : "Too many writes with these credentials; retry after Retry-After seconds" } }
    : {};
  const all = { ...implied, ...idempotency, ...rateLimited, ...route.responses };
  return Object.fromEntries(
    Object.entries(all)
      .sort(([a], [b]) => Number(a) - Number(b))
      .map(([status, response]) => {
        const content = response.schema
          ? { "application/json": { schema: toJsonSchema(response.schema, "output") } }
          : response.contentType
            ? { [response.contentType]: {} }
            : Number(status) >= 400
              ? errorContent
              : undefined;
        const headers = status === "429" ? { headers: { "Retry-After": { description: "Seconds to wait before trying again", schema: { type: "integer" } } } } : {};
        return [status, { description: response.description, ...(content ? { content } : {}), ...headers }];
      }),
  );
}

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

function operationOf(route: RouteContract) {
  const parameters = [
    ...(route.idempotent ? [{ $ref: "#/components/parameters/IdempotencyKey" }] : []),
    ...pathParamsOf(route.path).map((name) => ({ name, in: "path", required: true, ...(route.params?.[name] ? { description: route.params[name] } : {}), schema: { type: "string" } })),
    ...queryParameters(route.query),
  ];
  const body = route.body;
  return {
    summary: route.summary,
    ...(route.description ? { description: route.description } : {}),
    security: SECURITY[route.auth.type],
    ...(route.auth.type === "public" ? {} : { "x-permission": route.auth.permission }),
    ...(parameters.length ? { parameters } : {}),
    ...(body
      ? {
          requestBody: {
            required: true,
            content: "schema" in body ? { "application/json": { schema: ref(body.name) } } : Object.fromEntries(body.contentTypes.map((type) => [type, {}])),
          },
        }
      : {}),
    responses: responsesOf(route),
  };
}

/** The OpenAPI description of /api/v1, generated from the route contracts the server binds. */
export function buildOpenApiDocument(routes: readonly RouteContract[] = API_ROUTES) {
  const paths: Record<string, Record<string, unknown>> = {};
  const schemas: Record<string, JsonSchema> = { Error: toJsonSchema(errorResponseSchema, "output") };
  for (const route of routes) {
    (paths[route.path] ??= {})[route.method] = operationOf(route);
    if (route.body && "schema" in route.body) schemas[route.body.name] = toJsonSchema(route.body.schema, "input");
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Snowline API",
      version: "1.0.0",
      description:
        "Live status of a council's schools, gritting routes and bin collections. GET endpoints are public; " +
        "POST /changes and /changes/undo take an API token (`npx snowline token add NAME`, limited to some layers with --layers) or a " +
        "console session. Console and admin endpoints take only the session cookie, with an X-CSRF-Token header on writes; each names " +
        "the permission it needs (`x-permission`). Live updates are on Socket.IO " +
        "(`status:changes`, `status:heartbeat`, `status:resume`, `status:subscribe`). Public GETs carry ETag and " +
        "Last-Modified (304 on a match), a short Cache-Control and CORS *. Feeds outside /api/v1: /feeds/changes.atom, " +
        "/feeds/changes/{layer}.atom, /feeds/alerts.cap (CAP 1.2), /feeds/alerts.atom, /feeds/alerts/{seq}.cap, /oembed; see /developers.",
    },
    servers: [{ url: "/api/v1" }],
    components: {
      securitySchemes: {
        bearer: { type: "http", scheme: "bearer" },
        session: { type: "apiKey", in: "cookie", name: SESSION_COOKIE },
      },
      parameters: { IdempotencyKey: IDEMPOTENCY_KEY_PARAMETER },
      schemas,
    },
    paths,
  };
}
