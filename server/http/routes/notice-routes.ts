import type { Hono } from "hono";
import { consoleRoutes } from "../../../lib/api/contract/console-routes";
import { noticeInputSchema } from "../../../lib/domain/notices";
import { parseInput } from "../../../lib/domain/validation";
import type { ApiEnv } from "../authorize";
import { bindRoute } from "../bind-route";
import { FORM_BODY_LIMIT_BYTES, limitBody } from "../body-limit";
import type { HttpDeps } from "../context";
import { createIdempotency } from "../idempotency";
import { readJson } from "../read-json";
import { requestMeta } from "../session-auth";
import { idParamSchema } from "./user-routes";

/** Council-wide notices for the console: admins (and officers, if the setting allows) create and end them. */
export function noticeRoutes(api: Hono<ApiEnv>, deps: HttpDeps): void {
  const idempotent = createIdempotency(deps);
  bindRoute(api, deps, consoleRoutes.consoleNotices, async (c) => {
    return c.json({ notices: await deps.store.notices.list() });
  });

  bindRoute(api, deps, consoleRoutes.createNotice, limitBody(FORM_BODY_LIMIT_BYTES), async (c) => {
    const actor = c.get("access").actor;
    return idempotent(c, actor, async () => {
      const input = parseInput(noticeInputSchema, await readJson(c), "The notice is invalid; nothing was stored");
      return c.json({ notice: await deps.notices.create(input, actor, requestMeta(c, deps).ip) }, 201);
    });
  });

  bindRoute(api, deps, consoleRoutes.endNotice, async (c) => {
    const id = parseInput(idParamSchema, c.req.param("id"));
    return c.json({ notice: await deps.notices.end(id, c.get("access").actor, requestMeta(c, deps).ip) });
  });
}
