import type { Hono } from "hono";
import { canManageNotices } from "../../../lib/domain/access";
import { noticeInputSchema } from "../../../lib/domain/notices";
import { parseInput } from "../../../lib/domain/validation";
import { FORM_BODY_LIMIT_BYTES, limitBody } from "../body-limit";
import type { HttpDeps } from "../context";
import { createIdempotency } from "../idempotency";
import { readJson } from "../read-json";
import { requestMeta, requirePermission, requireSession } from "../session-auth";
import { idParamSchema } from "./user-routes";

/** Council-wide notices for the console: admins (and officers, if the setting allows) create and end them. */
export function noticeRoutes(api: Hono, deps: HttpDeps): void {
  const idempotent = createIdempotency(deps);
  const manager = async (c: Parameters<typeof requireSession>[0]) => {
    const session = await requireSession(c, deps);
    requirePermission(
      canManageNotices(session.access, deps.consoleSettings),
      deps.consoleSettings.officersMayPostNotices ? "Only administrators and officers manage notices" : "Only administrators manage notices",
    );
    return session;
  };

  api.get("/console/notices", async (c) => {
    await manager(c);
    return c.json({ notices: await deps.store.notices.list() });
  });

  api.post("/notices", limitBody(FORM_BODY_LIMIT_BYTES), async (c) => {
    const session = await manager(c);
    return idempotent(c, session.access.actor, async () => {
      const input = parseInput(noticeInputSchema, await readJson(c), "The notice is invalid; nothing was stored");
      return c.json({ notice: await deps.notices.create(input, session.access.actor, requestMeta(c).ip) }, 201);
    });
  });

  api.post("/notices/:id/end", async (c) => {
    const session = await manager(c);
    const id = parseInput(idParamSchema, c.req.param("id"));
    return c.json({ notice: await deps.notices.end(id, session.access.actor, requestMeta(c).ip) });
  });
}
