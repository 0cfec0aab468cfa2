import type { Hono } from "hono";
import { createApiToken } from "../../../lib/auth/api-tokens";
import { consoleRoutes } from "../../../lib/api/contract/console-routes";
import { NotFoundError } from "../../../lib/domain/errors";
import { parseInput } from "../../../lib/domain/validation";
import { sessionOf, type ApiEnv } from "../authorize";
import { bindRoute } from "../bind-route";
import { FORM_BODY_LIMIT_BYTES, limitBody } from "../body-limit";
import type { HttpDeps } from "../context";
import { readJson } from "../read-json";
import { idParamSchema } from "./user-routes";

/** API tokens, for admins: create (the secret is shown once), list, revoke. */
export function tokenRoutes(api: Hono<ApiEnv>, deps: HttpDeps): void {
  bindRoute(api, deps, consoleRoutes.listTokens, async (c) => {
    return c.json({ tokens: await deps.store.tokens.list() });
  });

  bindRoute(api, deps, consoleRoutes.createToken, limitBody(FORM_BODY_LIMIT_BYTES), async (c) => {
    const session = sessionOf(c);
    const { token, record } = await createApiToken(deps.store, await readJson(c), { now: deps.clock.now(), createdBy: session.user.name });
    deps.logger.info({ token: record.id, layers: record.layers, by: session.user.id }, "API token created");
    return c.json({ token, record }, 201);
  });

  bindRoute(api, deps, consoleRoutes.revokeToken, async (c) => {
    const id = parseInput(idParamSchema, c.req.param("id"));
    if (!(await deps.store.tokens.revoke(id, deps.clock.now()))) throw new NotFoundError(`No active token has the id ${id}`);
    return c.json({ revoked: id });
  });
}
