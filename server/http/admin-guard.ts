import type { Context } from "hono";
import { isAdmin } from "../../lib/domain/access";
import type { Actor } from "../../lib/domain/change";
import type { HttpDeps } from "./context";
import { requirePermission, requireSession } from "./session-auth";

/**
 * Decides who may use the admin endpoints (imports, exports, webhooks). Routes only call
 * `requireAdmin`, so tests can swap the rule without touching them.
 */
export interface AdminGuard {
  /** The admin behind the request. Throws UnauthorizedError (401) when signed out, ForbiddenError (403) for a non-admin. */
  requireAdmin(c: Context, deps: HttpDeps): Promise<Actor>;
}

/**
 * Only a signed-in administrator (with the session's CSRF token on writes). API tokens act as
 * officers on their layers and never reach these endpoints; the server's command line can do
 * everything they do.
 */
export const sessionAdminGuard: AdminGuard = {
  async requireAdmin(c, deps) {
    const session = await requireSession(c, deps);
    requirePermission(isAdmin(session.access), "Only administrators may do this. Nothing was changed.");
    return session.access.actor;
  },
};
