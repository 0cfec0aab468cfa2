import type { Hono } from "hono";
import { consoleRoutes, templatesQuerySchema } from "../../../lib/api/contract/console-routes";
import { NotFoundError } from "../../../lib/domain/errors";
import { templateInputSchema } from "../../../lib/domain/templates";
import { parseInput } from "../../../lib/domain/validation";
import { sessionOf, type ApiEnv } from "../authorize";
import { bindRoute } from "../bind-route";
import { FORM_BODY_LIMIT_BYTES, limitBody } from "../body-limit";
import type { HttpDeps } from "../context";
import { createIdempotency } from "../idempotency";
import { readJson } from "../read-json";
import { idParamSchema } from "./user-routes";

/** Message templates per layer: every console user reads them, admins save and delete them. */
export function templateRoutes(api: Hono<ApiEnv>, deps: HttpDeps): void {
  const idempotent = createIdempotency(deps);
  bindRoute(api, deps, consoleRoutes.listTemplates, async (c) => {
    const { layer } = parseInput(templatesQuerySchema, c.req.query(), "Invalid query");
    return c.json({ templates: await deps.store.templates.list(layer) });
  });

  bindRoute(api, deps, consoleRoutes.createTemplate, limitBody(FORM_BODY_LIMIT_BYTES), async (c) => {
    return idempotent(c, c.get("access").actor, async () => {
      const input = parseInput(templateInputSchema, await readJson(c), "The template is invalid");
      return c.json({ template: await deps.store.templates.create(input, sessionOf(c).user.name, deps.clock.now()) }, 201);
    });
  });

  bindRoute(api, deps, consoleRoutes.deleteTemplate, async (c) => {
    const id = parseInput(idParamSchema, c.req.param("id"));
    if (!(await deps.store.templates.delete(id))) throw new NotFoundError(`No template has the id ${id}`);
    return c.json({ deleted: id });
  });
}
