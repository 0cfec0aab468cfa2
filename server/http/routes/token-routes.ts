import type { Hono } from "hono";
import { createApiToken } from "../../../lib/auth/api-tokens";
import { canManageTokens } from "../../../lib/domain/access";
import { NotFoundError } from "../../../lib/domain/errors";
import { parseInput } from "../../../lib/domain/validation";
import { FORM_BODY_LIMIT_BYTES, limitBody } from "../body-limit";
import type { HttpDeps } from "../context";
import { readJson } from "../read-json";
import { requirePermission, requireSession } from "../session-auth";
import { idParamSchema } from "./user-routes";

/** API tokens, for admins: create (the secret is shown once), list, revoke. */
export function tokenRoutes(api: Hono, deps: HttpDeps): void {
  const admin = async (c: Parameters<typeof requireSession>[0]) => {
    const session = await requireSession(c, deps);
    requirePermission(canManageTokens(session.access), "Only administrators manage API tokens");
    return session;
  };

  api.get("/tokens", async (c) => {
    await admin(c);
    return c.json({ tokens: await deps.store.tokens.list() });
  });

  api.post("/tokens", limitBody(FORM_BODY_LIMIT_BYTES), async (c) => {
    const session = await admin(c);
    const { token, record } = await createApiToken(deps.store, await readJson(c), { now: deps.clock.now(), createdBy: session.user.name });
    deps.logger.info({ token: record.id, layers: record.layers, by: session.user.id }, "API token created");
    return c.json({ token, record }, 201);
  });

  api.post("/tokens/:id/revoke", async (c) => {
    await admin(c);
    const id = parseInput(idParamSchema, c.req.param("id"));
    if (!(await deps.store.tokens.revoke(id, deps.clock.now()))) throw new NotFoundError(`No active token has the id ${id}`);
    return c.json({ revoked: id });
  });
}
