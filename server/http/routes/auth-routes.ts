import type { Context, Hono } from "hono";
import { getCookie } from "hono/cookie";
import { SESSION_COOKIE } from "../../../lib/auth/session-policy";
import { claimLinkInputSchema, signInInputSchema, type User } from "../../../lib/domain/users";
import { parseInput } from "../../../lib/domain/validation";
import type { SignedIn } from "../../auth/auth-service";
import { FORM_BODY_LIMIT_BYTES, limitBody } from "../body-limit";
import type { HttpDeps } from "../context";
import { readJson } from "../read-json";
import { clearSessionCookie, requestMeta, requireSameOrigin, requireSession, setSessionCookie } from "../session-auth";

const describeSession = (user: User, csrfToken: string, expiresAt: number) => ({
  user,
  csrfToken,
  expiresAt: new Date(expiresAt).toISOString(),
});

/** Signing in and out of the console. Sessions live in the database; the cookie holds an opaque token. */
export function authRoutes(api: Hono, deps: HttpDeps): void {
  const small = limitBody(FORM_BODY_LIMIT_BYTES);

  const startSession = async (c: Context, signedIn: SignedIn) => {
    // A new session on every sign-in: a token planted before sign-in is never promoted.
    const previous = await deps.auth.session(getCookie(c, SESSION_COOKIE));
    if (previous) await deps.auth.signOut(previous);
    setSessionCookie(c, deps, signedIn.token, signedIn.expiresAt);
    return c.json(describeSession(signedIn.user, signedIn.csrfToken, signedIn.expiresAt));
  };

  api.post("/auth/sign-in", small, async (c) => {
    requireSameOrigin(c, deps);
    const input = parseInput(signInInputSchema, await readJson(c), "Enter your email and password");
    return startSession(c, await deps.auth.signIn(input, requestMeta(c)));
  });

  api.post("/auth/claim-link", small, async (c) => {
    requireSameOrigin(c, deps);
    const input = parseInput(claimLinkInputSchema, await readJson(c), "Choose a password");
    return startSession(c, await deps.auth.claimLink(input, requestMeta(c)));
  });

  api.get("/auth/session", async (c) => {
    const session = await requireSession(c, deps);
    return c.json(describeSession(session.user, session.csrfToken, session.expiresAt));
  });

  api.post("/auth/sign-out", async (c) => {
    const session = await requireSession(c, deps);
    await deps.auth.signOut(session);
    clearSessionCookie(c, deps);
    return c.json({ signedOut: 1 });
  });

  api.post("/auth/sign-out-everywhere", async (c) => {
    const session = await requireSession(c, deps);
    const ended = await deps.auth.signOutEverywhere(session.user.id);
    clearSessionCookie(c, deps);
    return c.json({ signedOut: ended });
  });
}
