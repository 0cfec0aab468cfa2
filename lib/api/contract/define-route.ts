import type * as z from "zod";
import type { Permission } from "../../domain/access";

export type HttpMethod = "get" | "post" | "delete";

/**
 * Who may call a route. `public`: anyone. `session`: a signed-in console user (cookie, plus the
 * CSRF header on writes). `tokenOrSession`: an API token (Authorization: Bearer) or a session.
 * Both signed-in modes name the one permission the caller needs.
 */
export type RouteAuth =
  | { type: "public" }
  | { type: "session"; permission: Permission }
  | { type: "tokenOrSession"; permission: Permission };

export interface ResponseContract {
  description: string;
  /** The JSON body; leave out for a body that is not JSON (give `contentType`) or has no fixed shape. */
  schema?: z.ZodType;
  /** For non-JSON bodies: files, feeds. */
  contentType?: string;
}

/** One API operation: its address, who may call it, what it reads and what it answers. */
export interface RouteContract {
  method: HttpMethod;
  /** Relative to /api/v1, with OpenAPI-style parameters: `/users/{id}/disable`. */
  path: string;
  summary: string;
  description?: string;
  auth: RouteAuth;
  /** Descriptions of the `{…}` path parameters (every one is a required string). */
  params?: Record<string, string>;
  query?: z.ZodType;
  /** A JSON body (named in the document's components), or raw uploads of these content types. */
  body?: { name: string; schema: z.ZodType } | { contentTypes: readonly string[] };
  /** Honours an Idempotency-Key header: a retry with the same key gets the first answer (server/http/idempotency.ts). */
  idempotent?: true;
  /** Success and error answers. 401/403 for signed-in routes are added from `auth` unless given. */
  responses: Record<number, ResponseContract>;
}

export const defineRoute = <const R extends RouteContract>(route: R): R => route;

/** `/users/{id}/disable` → `/users/:id/disable`, the form Hono routes on (as a type, so handlers get typed params). */
export type HonoPath<P extends string> = P extends `${infer Head}{${infer Name}}${infer Tail}` ? `${Head}:${Name}${HonoPath<Tail>}` : P;
export const honoPath = <P extends string>(path: P): HonoPath<P> => path.replace(/\{(\w+)\}/g, ":$1") as HonoPath<P>;

export const pathParamsOf = (path: string): string[] => [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
