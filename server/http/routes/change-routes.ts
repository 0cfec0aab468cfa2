import type { Hono } from "hono";
import type { ChangesCommitted, ChangesUndone } from "../../../lib/api/contract/api-schemas";
import { publicRoutes } from "../../../lib/api/contract/public-routes";
import { changeBatchInputSchema } from "../../../lib/domain/status";
import { undoInputSchema } from "../../../lib/domain/undo";
import { parseInput } from "../../../lib/domain/validation";
import type { ApiEnv } from "../authorize";
import { bindRoute } from "../bind-route";
import { API_BODY_LIMIT_BYTES, limitBody } from "../body-limit";
import type { HttpDeps } from "../context";
import { createIdempotency } from "../idempotency";
import { readJson } from "../read-json";
import { requestMeta } from "../session-auth";
import { socialDraftsFor } from "../social-drafts";

export { API_BODY_LIMIT_BYTES };

/**
 * Writes: an atomic batch of status changes, or an undo of earlier ones. Sent with an API token
 * or by a signed-in console user (with the CSRF token); either way only assets the caller may
 * change are accepted, or nothing is stored.
 */
export function changeRoutes(api: Hono<ApiEnv>, deps: HttpDeps): void {
  const idempotent = createIdempotency(deps);

  bindRoute(api, deps, publicRoutes.postChanges, limitBody(API_BODY_LIMIT_BYTES), async (c) => {
    const access = c.get("access");
    return idempotent(c, access.actor, async (claim) => {
      const body = parseInput(changeBatchInputSchema, await readJson(c), "The changes are invalid; nothing was stored");
      const batch = await deps.changes.post(body.changes, access.actor, requestMeta(c, deps).ip, access, claim);
      const socialPosts = await socialDraftsFor(batch, deps, c);
      return c.json({ seq: batch.toSeq, fromSeq: batch.fromSeq, changes: batch.changes, socialPosts } satisfies ChangesCommitted, 201);
    });
  });

  bindRoute(api, deps, publicRoutes.undoChanges, limitBody(API_BODY_LIMIT_BYTES), async (c) => {
    const access = c.get("access");
    return idempotent(c, access.actor, async (claim) => {
      const body = parseInput(undoInputSchema, await readJson(c), "The undo request is invalid; nothing was stored");
      const batch = await deps.changes.undo(body.changes, access.actor, requestMeta(c, deps).ip, access, claim);
      return c.json({ seq: batch.toSeq, fromSeq: batch.fromSeq, changes: batch.changes } satisfies ChangesUndone, 201);
    });
  });
}
