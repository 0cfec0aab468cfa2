import * as z from "zod";
import { tokenInputSchema } from "../domain/api-tokens";
import { noticeInputSchema } from "../domain/notices";
import { templateInputSchema } from "../domain/templates";
import { undoInputSchema } from "../domain/undo";
import { claimLinkInputSchema, signInInputSchema, userInputSchema } from "../domain/users";

const schema = (s: z.ZodType, io: "input" | "output" = "input") => z.toJSONSchema(s, { io, unrepresentable: "any" });
const json = (ref: string) => ({ "application/json": { schema: { $ref: `#/components/schemas/${ref}` } } });
const error = (description: string) => ({ description, content: json("Error") });
const ok = (description: string) => ({ description, content: { "application/json": { schema: { type: "object" } } } });
const session = [{ session: [] }];
const idParam = [{ name: "id", in: "path", required: true, schema: { type: "string" } }];
const idempotencyKey = { $ref: "#/components/parameters/IdempotencyKey" };
const csrfNote = "Signed in by cookie: send the session's CSRF token in the X-CSRF-Token header.";

/** The console's endpoints (session cookie + CSRF token), generated from the same zod schemas the server parses. */
export function consoleOpenApi() {
  const write = (summary: string, body: string | null, extra: Record<string, unknown> = {}) => ({
    summary,
    description: csrfNote,
    security: session,
    ...(body ? { requestBody: { required: true, content: json(body) } } : {}),
    responses: { 200: ok("Done"), 400: error("Invalid input"), 401: error("Not signed in"), 403: error("Not allowed, or no CSRF token"), ...extra },
  });
  const read = (summary: string) => ({ summary, security: session, responses: { 200: ok("The data"), 401: error("Not signed in"), 403: error("Not allowed") } });
  return {
    securitySchemes: {
      session: { type: "apiKey", in: "cookie", name: "snowline_session" },
    },
    schemas: {
      SignInInput: schema(signInInputSchema),
      ClaimLinkInput: schema(claimLinkInputSchema),
      UndoInput: schema(undoInputSchema),
      UserInput: schema(userInputSchema),
      TokenInput: schema(tokenInputSchema),
      TemplateInput: schema(templateInputSchema),
      NoticeInput: schema(noticeInputSchema),
    },
    paths: {
      "/changes/undo": {
        post: {
          summary: "Revert changes: each asset gets back the status it had before the named change, as one atomic batch",
          description: `With an API token or a console session. ${csrfNote}`,
          security: [{ bearer: [] }, { session: [] }],
          parameters: [idempotencyKey],
          requestBody: { required: true, content: json("UndoInput") },
          responses: {
            201: { description: "Stored and published", content: json("ChangesCommitted") },
            400: error("Invalid, or the earlier status has ended since; nothing stored"),
            401: error("No token or session"),
            403: error("An asset the caller may not change; nothing stored"),
            404: error("No such change"),
            409: error("The asset changed since (expectedVersion), with who changed it; nothing stored"),
          },
        },
      },
      "/auth/sign-in": {
        post: {
          summary: "Sign in with email and password; sets the session cookie and returns the CSRF token",
          requestBody: { required: true, content: json("SignInInput") },
          responses: { 200: ok("Signed in"), 401: error("Email or password not right (the same for unknown emails)"), 429: error("Too many attempts; Retry-After says when") },
        },
      },
      "/auth/claim-link": {
        post: { summary: "Set a password with a one-time sign-in link and sign in", requestBody: { required: true, content: json("ClaimLinkInput") }, responses: { 200: ok("Signed in"), 403: error("Link used or expired") } },
      },
      "/auth/session": { get: read("The signed-in user and the session's CSRF token") },
      "/auth/sign-out": { post: write("End this session", null) },
      "/auth/sign-out-everywhere": { post: write("End every session of the signed-in user", null) },
      "/users": { get: read("Console accounts (admins)"), post: write("Create an account; returns a one-time sign-in link (admins)", "UserInput") },
      "/users/{id}/disable": { post: { ...write("Disable an account and end its sessions (admins)", null), parameters: idParam } },
      "/users/{id}/enable": { post: { ...write("Enable an account (admins)", null), parameters: idParam } },
      "/users/{id}/sign-out-everywhere": { post: { ...write("End every session of an account (admins)", null), parameters: idParam } },
      "/users/{id}/sign-in-link": { post: { ...write("Issue a new one-time sign-in link (admins)", null), parameters: idParam } },
      "/tokens": { get: read("API tokens, never their secrets (admins)"), post: write("Create an API token with layers and expiry; the secret is returned once (admins)", "TokenInput") },
      "/tokens/{id}/revoke": { post: { ...write("Revoke an API token (admins)", null), parameters: idParam } },
      "/templates": { get: read("Message templates (?layer=)"), post: { ...write("Save a message template (admins)", "TemplateInput"), parameters: [idempotencyKey] } },
      "/templates/{id}": { delete: { ...write("Delete a message template (admins)", null), parameters: idParam } },
      "/console/notices": { get: read("Every notice with who created and ended it") },
      "/notices/{id}/end": { post: { ...write("End a notice now", null), parameters: idParam } },
      "/audit": { get: read("The audit log: changes and notices with who, when, IP, before and after (filters: by, asset, layer, from, to, before, limit)") },
      "/audit.csv": { get: read("The audit log as CSV, formulas neutralised") },
    },
    noticePost: { ...write("Publish a council-wide notice (admins; officers if allowed)", "NoticeInput", { 201: ok("Published") }), parameters: [idempotencyKey] },
  };
}
