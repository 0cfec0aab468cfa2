import type { Context, Hono } from "hono";
import { getCookie } from "hono/cookie";
import { consoleRoutes } from "../../../lib/api/contract/console-routes";
import { SESSION_COOKIE } from "../../../lib/auth/session-policy";
import { claimLinkInputSchema } from "../../../lib/auth/password-policy";
import { signInInputSchema, type User } from "../../../lib/domain/users";
import { parseInput } from "../../../lib/domain/validation";
import type { SignedIn } from "../../auth/auth-service";
import { sessionOf, type ApiEnv } from "../authorize";
import { bindRoute } from "../bind-route";
import { FORM_BODY_LIMIT_BYTES, limitBody } from "../body-limit";
import type { HttpDeps } from "../context";
import { readJson } from "../read-json";
import { clearSessionCookie, requestMeta, requireSameOrigin, setSessionCookie } from "../session-auth";

const describeSession = (user: User, csrfToken: string, expiresAt: number) => ({
  user,
  csrfToken,
  expiresAt: new Date(expiresAt).toISOString(),
});

/** Signing in and out of the console. Sessions live in the database; the cookie holds an opaque token. */
export function authRoutes(api: Hono<ApiEnv>, deps: HttpDeps): void {
  const small = limitBody(FORM_BODY_LIMIT_BYTES);

  const startSession = async (c: Context, signedIn: SignedIn) => {
    // A new session on every sign-in: a token planted before sign-in is never promoted.
    const previous = await deps.auth.session(getCookie(c, SESSION_COOKIE));
    if (previous) await deps.auth.signOut(previous);
    setSessionCookie(c, deps, signedIn.token, signedIn.expiresAt);
    return c.json(describeSession(signedIn.user, signedIn.csrfToken, signedIn.expiresAt));
  };

  bindRoute(api, deps, consoleRoutes.signIn, small, async (c) => {
    requireSameOrigin(c, deps);
    const input = parseInput(signInInputSchema, await readJson(c), "Enter your email and password");
    return startSession(c, await deps.auth.signIn(input, requestMeta(c, deps)));
  });

  bindRoute(api, deps, consoleRoutes.claimLink, small, async (c) => {
    requireSameOrigin(c, deps);
    const input = parseInput(claimLinkInputSchema, await readJson(c), "Choose a password");
    return startSession(c, await deps.auth.claimLink(input, requestMeta(c, deps)));
  });

  bindRoute(api, deps, consoleRoutes.session, async (c) => {
    const session = sessionOf(c);
    return c.json(describeSession(session.user, session.csrfToken, session.expiresAt));
  });

  bindRoute(api, deps, consoleRoutes.signOut, async (c) => {
    const session = sessionOf(c);
    await deps.auth.signOut(session);
    clearSessionCookie(c, deps);
    return c.json({ signedOut: 1 });
  });

  bindRoute(api, deps, consoleRoutes.signOutEverywhere, async (c) => {
    const session = sessionOf(c);
    const ended = await deps.auth.signOutEverywhere(session.user.id);
    clearSessionCookie(c, deps);
    return c.json({ signedOut: ended });
  });
}
