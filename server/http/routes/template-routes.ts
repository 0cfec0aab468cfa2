import type { Hono } from "hono";
import * as z from "zod";
import { canManageTemplates } from "../../../lib/domain/access";
import { NotFoundError } from "../../../lib/domain/errors";
import { layerSchema } from "../../../lib/domain/layers";
import { templateInputSchema } from "../../../lib/domain/templates";
import { parseInput } from "../../../lib/domain/validation";
import { FORM_BODY_LIMIT_BYTES, limitBody } from "../body-limit";
import type { HttpDeps } from "../context";
import { createIdempotency } from "../idempotency";
import { readJson } from "../read-json";
import { requirePermission, requireSession } from "../session-auth";
import { idParamSchema } from "./user-routes";

const templatesQuerySchema = z.object({ layer: layerSchema.optional() });

/** Message templates per layer: every console user reads them, admins save and delete them. */
export function templateRoutes(api: Hono, deps: HttpDeps): void {
  const idempotent = createIdempotency(deps);
  api.get("/templates", async (c) => {
    await requireSession(c, deps);
    const { layer } = parseInput(templatesQuerySchema, c.req.query(), "Invalid query");
    return c.json({ templates: await deps.store.templates.list(layer) });
  });

  api.post("/templates", limitBody(FORM_BODY_LIMIT_BYTES), async (c) => {
    const session = await requireSession(c, deps);
    requirePermission(canManageTemplates(session.access), "Only administrators save message templates");
    return idempotent(c, session.access.actor, async () => {
      const input = parseInput(templateInputSchema, await readJson(c), "The template is invalid");
      return c.json({ template: await deps.store.templates.create(input, session.user.name, deps.clock.now()) }, 201);
    });
  });

  api.delete("/templates/:id", async (c) => {
    const session = await requireSession(c, deps);
    requirePermission(canManageTemplates(session.access), "Only administrators delete message templates");
    const id = parseInput(idParamSchema, c.req.param("id"));
    if (!(await deps.store.templates.delete(id))) throw new NotFoundError(`No template has the id ${id}`);
    return c.json({ deleted: id });
  });
}
