import { timingSafeEqual } from "node:crypto";
import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { CSRF_HEADER, SESSION_COOKIE } from "../../lib/auth/session-policy";
import { accessForToken, type ConsoleSession } from "../../lib/auth/sessions";
import type { Access } from "../../lib/domain/access";
import { ForbiddenError, UnauthorizedError } from "../../lib/domain/errors";
import type { RequestMeta } from "../auth/auth-service";
import { clientAddressOf } from "./client-address";
import type { HttpDeps } from "./context";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function requestMeta(c: Context, deps: Pick<HttpDeps, "trustProxy">): RequestMeta {
  return { ip: clientAddressOf(c, deps.trustProxy), userAgent: c.req.header("user-agent") ?? null };
}

/** Secure cookies whenever the site is reached over https (directly, or through a proxy that says so). */
function isHttps(c: Context, deps: HttpDeps): boolean {
  return deps.publicUrl?.startsWith("https:") === true || c.req.header("x-forwarded-proto") === "https" || new URL(c.req.url).protocol === "https:";
}

export function setSessionCookie(c: Context, deps: HttpDeps, token: string, expiresAt: number): void {
  setCookie(c, SESSION_COOKIE, token, {
    path: "/",
    httpOnly: true,
    sameSite: "Lax",
    secure: isHttps(c, deps),
    maxAge: Math.max(0, Math.floor((expiresAt - deps.clock.now()) / 1000)),
  });
}

export function clearSessionCookie(c: Context, deps: HttpDeps): void {
  deleteCookie(c, SESSION_COOKIE, { path: "/", httpOnly: true, sameSite: "Lax", secure: isHttps(c, deps) });
}

/**
 * Refuses a state-changing request sent from another site's page. Browsers always send Origin on
 * such requests; JSON bodies already need a CORS preflight we never grant, so this is a second lock.
 */
export function requireSameOrigin(c: Context, deps: HttpDeps): void {
  const origin = c.req.header("origin");
  if (!origin || SAFE_METHODS.has(c.req.method)) return;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    throw new ForbiddenError("The request came from another site and was refused");
  }
  const allowed = [c.req.header("host"), deps.publicUrl ? new URL(deps.publicUrl).host : undefined];
  if (!allowed.includes(host)) throw new ForbiddenError("The request came from another site and was refused");
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The signed-in console user; state-changing requests must also carry the session's CSRF token. */
export async function requireSession(c: Context, deps: HttpDeps): Promise<ConsoleSession> {
  // Whatever a signed-in user is sent is theirs alone: no shared cache may keep it.
  c.header("cache-control", "no-store");
  const session = await deps.auth.session(getCookie(c, SESSION_COOKIE));
  if (!session) throw new UnauthorizedError("Your session has ended or you are not signed in. Sign in again.");
  if (!SAFE_METHODS.has(c.req.method)) {
    requireSameOrigin(c, deps);
    const token = c.req.header(CSRF_HEADER) ?? "";
    if (!sameSecret(token, session.csrfToken)) {
      throw new ForbiddenError(`The request has no valid CSRF token (${CSRF_HEADER} header); reload the page and try again. Nothing was stored.`);
    }
  }
  return session;
}

/** An API token (Authorization: Bearer) or a signed-in user, with what each may change (and the session, for a user). */
export async function requireAccess(c: Context, deps: HttpDeps): Promise<{ access: Access; session: ConsoleSession | null }> {
  const header = c.req.header("authorization");
  if (header !== undefined) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw new UnauthorizedError("Send an API token as Authorization: Bearer <token>");
    const token = await deps.store.tokens.verify(match[1]!, deps.clock.now());
    if (!token) throw new UnauthorizedError("The API token is unknown, revoked or expired");
    return { access: accessForToken(token), session: null };
  }
  if (getCookie(c, SESSION_COOKIE) === undefined) {
    throw new UnauthorizedError("Sign in to the console, or send an API token as Authorization: Bearer <token>");
  }
  const session = await requireSession(c, deps);
  return { access: session.access, session };
}
