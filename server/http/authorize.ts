import type { Context, MiddlewareHandler } from "hono";
import type { RouteAuth } from "../../lib/api/contract/define-route";
import { hasPermission, refusalFor, type Access } from "../../lib/domain/access";
import { ForbiddenError } from "../../lib/domain/errors";
import type { ConsoleSession } from "../../lib/auth/sessions";
import type { HttpDeps } from "./context";
import { requireAccess, requireSession } from "./session-auth";

/** What the authorization middleware leaves on the context of a signed-in route. */
export interface ApiEnv {
  Variables: {
    access: Access;
    /** The console session; null when the caller used an API token. */
    session: ConsoleSession | null;
  };
}

/**
 * The one authorization check: finds the caller the route's auth mode accepts (401 without one),
 * checks the route's permission (403) and puts the caller on the context. Public routes get none.
 */
export function authorize(auth: RouteAuth, deps: HttpDeps): MiddlewareHandler<ApiEnv> | null {
  if (auth.type === "public") return null;
  return async (c, next) => {
    const caller = auth.type === "session" ? sessionCaller(await requireSession(c, deps)) : await requireAccess(c, deps);
    if (!hasPermission(caller.access, auth.permission, deps.consoleSettings)) throw new ForbiddenError(refusalFor(auth.permission, deps.consoleSettings));
    c.set("access", caller.access);
    c.set("session", caller.session);
    await next();
  };
}

const sessionCaller = (session: ConsoleSession) => ({ access: session.access, session });

/** The signed-in user of a `session` route (the middleware has already refused everyone else). */
export function sessionOf(c: Context<ApiEnv>): ConsoleSession {
  const session = c.get("session");
  if (!session) throw new Error(`${c.req.method} ${c.req.path} is not a session route`);
  return session;
}
