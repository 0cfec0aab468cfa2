import * as z from "zod";
import { auditQuerySchema } from "../../audit/audit-query";
import { tokenInputSchema } from "../../domain/api-tokens";
import { layerSchema } from "../../domain/layers";
import { noticeInputSchema } from "../../domain/notices";
import { templateInputSchema } from "../../domain/templates";
import { claimLinkInputSchema } from "../../auth/password-policy";
import { signInInputSchema, userInputSchema } from "../../domain/users";
import {
  apiTokenSchema,
  auditActorsSchema,
  auditSchema,
  noticeSchema,
  sessionInfoSchema,
  signedOutSchema,
  signInLinkSchema,
  templateSchema,
  tokenCreatedSchema,
  userCreatedSchema,
  userSchema,
} from "./api-schemas";
import { defineRoute, type RouteAuth } from "./define-route";

const PUBLIC = { type: "public" } as const;
const signedIn = (permission: Extract<RouteAuth, { type: "session" }>["permission"]) => ({ type: "session", permission }) as const;
const CSRF = "Signed in by cookie: send the session's CSRF token in the X-CSRF-Token header.";

export const templatesQuerySchema = z.object({ layer: layerSchema.optional() });

const user = z.object({ user: userSchema });
const invalid = { 400: { description: "Invalid input" } };
const notFound = (what: string) => ({ 404: { description: `No such ${what}` } });

/** The console's endpoints: sign-in, accounts, tokens, templates, notices and the audit log. */
export const consoleRoutes = {
  signIn: defineRoute({
    method: "post",
    path: "/auth/sign-in",
    summary: "Sign in with email and password; sets the session cookie and returns the CSRF token",
    auth: PUBLIC,
    body: { name: "SignInInput", schema: signInInputSchema },
    responses: {
      200: { description: "Signed in", schema: sessionInfoSchema },
      400: { description: "Invalid input" },
      401: { description: "Email or password not right (the same for unknown emails)" },
      403: { description: "Sent from another site's page" },
      429: { description: "Too many attempts; Retry-After says when" },
    },
  }),
  claimLink: defineRoute({
    method: "post",
    path: "/auth/claim-link",
    summary: "Set a password with a one-time sign-in link and sign in",
    auth: PUBLIC,
    body: { name: "ClaimLinkInput", schema: claimLinkInputSchema },
    responses: {
      200: { description: "Signed in", schema: sessionInfoSchema },
      400: { description: "Invalid input" },
      403: { description: "Link used or expired, or sent from another site's page" },
    },
  }),
  session: defineRoute({
    method: "get",
    path: "/auth/session",
    summary: "The signed-in user and the session's CSRF token",
    auth: signedIn("useConsole"),
    responses: { 200: { description: "The session", schema: sessionInfoSchema } },
  }),
  signOut: defineRoute({
    method: "post",
    path: "/auth/sign-out",
    summary: "End this session",
    description: CSRF,
    auth: signedIn("useConsole"),
    responses: { 200: { description: "Signed out", schema: signedOutSchema } },
  }),
  signOutEverywhere: defineRoute({
    method: "post",
    path: "/auth/sign-out-everywhere",
    summary: "End every session of the signed-in user",
    description: CSRF,
    auth: signedIn("useConsole"),
    responses: { 200: { description: "Signed out", schema: signedOutSchema } },
  }),
  listUsers: defineRoute({
    method: "get",
    path: "/users",
    summary: "Console accounts (admins)",
    auth: signedIn("manageUsers"),
    responses: { 200: { description: "The accounts", schema: z.object({ users: z.array(userSchema) }) } },
  }),
  createUser: defineRoute({
    method: "post",
    path: "/users",
    summary: "Create an account; returns a one-time sign-in link (admins)",
    description: CSRF,
    auth: signedIn("manageUsers"),
    body: { name: "UserInput", schema: userInputSchema },
    responses: { 201: { description: "Created", schema: userCreatedSchema }, ...invalid, 409: { description: "The email is taken" } },
  }),
  issueSignInLink: defineRoute({
    method: "post",
    path: "/users/{id}/sign-in-link",
    summary: "Issue a new one-time sign-in link (admins)",
    description: CSRF,
    auth: signedIn("manageUsers"),
    responses: { 200: { description: "The link", schema: signInLinkSchema }, ...invalid, ...notFound("account") },
  }),
  disableUser: defineRoute({
    method: "post",
    path: "/users/{id}/disable",
    summary: "Disable an account and end its sessions (admins; never the own account)",
    description: CSRF,
    auth: signedIn("manageUsers"),
    responses: { 200: { description: "Disabled", schema: user }, ...invalid, ...notFound("account") },
  }),
  enableUser: defineRoute({
    method: "post",
    path: "/users/{id}/enable",
    summary: "Enable an account (admins)",
    description: CSRF,
    auth: signedIn("manageUsers"),
    responses: { 200: { description: "Enabled", schema: user }, ...invalid, ...notFound("account") },
  }),
  signUserOutEverywhere: defineRoute({
    method: "post",
    path: "/users/{id}/sign-out-everywhere",
    summary: "End every session of an account (admins)",
    description: CSRF,
    auth: signedIn("manageUsers"),
    responses: { 200: { description: "Signed out", schema: signedOutSchema }, ...invalid },
  }),
  listTokens: defineRoute({
    method: "get",
    path: "/tokens",
    summary: "API tokens, never their secrets (admins)",
    auth: signedIn("manageTokens"),
    responses: { 200: { description: "The tokens", schema: z.object({ tokens: z.array(apiTokenSchema) }) } },
  }),
  createToken: defineRoute({
    method: "post",
    path: "/tokens",
    summary: "Create an API token with layers and expiry; the secret is returned once (admins)",
    description: CSRF,
    auth: signedIn("manageTokens"),
    body: { name: "TokenInput", schema: tokenInputSchema },
    responses: { 201: { description: "Created", schema: tokenCreatedSchema }, ...invalid },
  }),
  revokeToken: defineRoute({
    method: "post",
    path: "/tokens/{id}/revoke",
    summary: "Revoke an API token (admins)",
    description: CSRF,
    auth: signedIn("manageTokens"),
    responses: { 200: { description: "Revoked", schema: z.object({ revoked: z.string() }) }, ...invalid, ...notFound("active token") },
  }),
  listTemplates: defineRoute({
    method: "get",
    path: "/templates",
    summary: "Message templates (?layer=)",
    auth: signedIn("useConsole"),
    query: templatesQuerySchema,
    responses: { 200: { description: "The templates", schema: z.object({ templates: z.array(templateSchema) }) }, 400: { description: "Invalid query" } },
  }),
  createTemplate: defineRoute({
    method: "post",
    path: "/templates",
    summary: "Save a message template (admins)",
    description: CSRF,
    auth: signedIn("manageTemplates"),
    body: { name: "TemplateInput", schema: templateInputSchema },
    idempotent: true,
    responses: { 201: { description: "Saved", schema: z.object({ template: templateSchema }) }, ...invalid },
  }),
  deleteTemplate: defineRoute({
    method: "delete",
    path: "/templates/{id}",
    summary: "Delete a message template (admins)",
    description: CSRF,
    auth: signedIn("manageTemplates"),
    responses: { 200: { description: "Deleted", schema: z.object({ deleted: z.string() }) }, ...invalid, ...notFound("template") },
  }),
  consoleNotices: defineRoute({
    method: "get",
    path: "/console/notices",
    summary: "Every notice with who created and ended it",
    auth: signedIn("manageNotices"),
    responses: { 200: { description: "The notices", schema: z.object({ notices: z.array(noticeSchema) }) } },
  }),
  createNotice: defineRoute({
    method: "post",
    path: "/notices",
    summary: "Publish a council-wide notice (admins; officers if allowed)",
    description: CSRF,
    auth: signedIn("manageNotices"),
    body: { name: "NoticeInput", schema: noticeInputSchema },
    idempotent: true,
    responses: { 201: { description: "Published", schema: z.object({ notice: noticeSchema }) }, ...invalid },
  }),
  endNotice: defineRoute({
    method: "post",
    path: "/notices/{id}/end",
    summary: "End a notice now",
    description: CSRF,
    auth: signedIn("manageNotices"),
    responses: { 200: { description: "Ended", schema: z.object({ notice: noticeSchema }) }, ...invalid, ...notFound("notice") },
  }),
  audit: defineRoute({
    method: "get",
    path: "/audit",
    summary: "The audit log: changes and notices with who, when, IP, before and after",
    auth: signedIn("viewAudit"),
    query: auditQuerySchema,
    responses: { 200: { description: "Newest first", schema: auditSchema }, 400: { description: "Invalid filters" } },
  }),
  auditActors: defineRoute({
    method: "get",
    path: "/audit/actors",
    summary: "Who the audit log can be filtered by: every account and token for admins; for officers only the names of those active in their layers",
    auth: signedIn("viewAudit"),
    responses: { 200: { description: "The choices", schema: auditActorsSchema } },
  }),
  auditCsv: defineRoute({
    method: "get",
    path: "/audit.csv",
    summary: "The audit log as CSV, formulas neutralised",
    auth: signedIn("viewAudit"),
    query: auditQuerySchema,
    responses: { 200: { description: "An attachment", contentType: "text/csv" }, 400: { description: "Invalid filters" } },
  }),
};
