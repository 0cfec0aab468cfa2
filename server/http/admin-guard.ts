import type { Context } from "hono";
import type { Clock } from "../../lib/domain/clock";
import type { Actor } from "../../lib/domain/change";
import { UnauthorizedError } from "../../lib/domain/errors";
import type { Store } from "../../lib/store/store";

/**
 * Decides who may use the admin endpoints (imports, exports). Routes only call `requireAdmin`, so
 * the console's sign-in and roles can replace the implementation without touching them.
 */
export interface AdminGuard {
  /** The admin behind the request. Throws UnauthorizedError (401) without credentials, ForbiddenError (403) for a non-admin. */
  requireAdmin(c: Context): Promise<Actor>;
}

/**
 * Until users and roles exist, any valid API token counts as an admin: tokens are created on the
 * server's command line, by whoever runs it.
 */
export function createTokenAdminGuard(deps: { store: Store; clock: Clock }): AdminGuard {
  return {
    async requireAdmin(c) {
      const match = /^Bearer\s+(\S+)$/i.exec(c.req.header("authorization") ?? "");
      if (!match) throw new UnauthorizedError("Send an API token as Authorization: Bearer <token>");
      const token = await deps.store.tokens.verify(match[1]!, deps.clock.now());
      if (!token) throw new UnauthorizedError("The API token is unknown, revoked or expired");
      return { type: "token", id: token.id, name: token.name };
    },
  };
}
