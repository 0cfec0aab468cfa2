import type { Hono } from "hono";
import { changeBatchInputSchema } from "../../../lib/domain/status";
import { undoInputSchema } from "../../../lib/domain/undo";
import { parseInput } from "../../../lib/domain/validation";
import { API_BODY_LIMIT_BYTES, limitBody } from "../body-limit";
import type { HttpDeps } from "../context";
import { createIdempotency } from "../idempotency";
import { readJson } from "../read-json";
import { requestMeta, requireAccess } from "../session-auth";
import { socialDraftsFor } from "../social-drafts";

export { API_BODY_LIMIT_BYTES };

/**
 * Writes: an atomic batch of status changes, or an undo of earlier ones. Sent with an API token
 * or by a signed-in console user (with the CSRF token); either way only assets the caller may
 * change are accepted, or nothing is stored.
 */
export function changeRoutes(api: Hono, deps: HttpDeps): void {
  const idempotent = createIdempotency(deps);

  api.post("/changes", limitBody(API_BODY_LIMIT_BYTES), async (c) => {
    const access = await requireAccess(c, deps);
    return idempotent(c, access.actor, async (claim) => {
      const body = parseInput(changeBatchInputSchema, await readJson(c), "The changes are invalid; nothing was stored");
      const batch = await deps.changes.post(body.changes, access.actor, requestMeta(c).ip, access, claim);
      const socialPosts = await socialDraftsFor(batch, deps, c);
      return c.json({ seq: batch.toSeq, fromSeq: batch.fromSeq, changes: batch.changes, socialPosts }, 201);
    });
  });

  api.post("/changes/undo", limitBody(API_BODY_LIMIT_BYTES), async (c) => {
    const access = await requireAccess(c, deps);
    return idempotent(c, access.actor, async (claim) => {
      const body = parseInput(undoInputSchema, await readJson(c), "The undo request is invalid; nothing was stored");
      const batch = await deps.changes.undo(body.changes, access.actor, requestMeta(c).ip, access, claim);
      return c.json({ seq: batch.toSeq, fromSeq: batch.fromSeq, changes: batch.changes }, 201);
    });
  });
}
