import type { Hono } from "hono";
import { consoleRoutes } from "../../../lib/api/contract/console-routes";
import { auditActorChoices } from "../../../lib/audit/audit-actors";
import { auditToCsv } from "../../../lib/audit/audit-csv";
import { AUDIT_PAGE_MAX, auditQuerySchema } from "../../../lib/audit/audit-query";
import { auditLayers, isAdmin } from "../../../lib/domain/access";
import { parseInput } from "../../../lib/domain/validation";
import type { ApiEnv } from "../authorize";
import { bindRoute } from "../bind-route";
import type { HttpDeps } from "../context";

// An export holds at most this many changes; narrow the filters for more.
export const AUDIT_CSV_MAX_CHANGES = 50_000;

/** The audit trail of every change and notice with who, when, from where and before → after. Never public. */
export function auditRoutes(api: Hono<ApiEnv>, deps: HttpDeps): void {
  const noticesVisible = (role: string) => role === "admin" || deps.consoleSettings.officersMayPostNotices;

  bindRoute(api, deps, consoleRoutes.audit, async (c) => {
    const access = c.get("access");
    const query = parseInput(auditQuerySchema, c.req.query(), "Invalid audit filters");
    const [changes, notices, accounts] = await Promise.all([
      deps.store.audit.changes(query, { layers: auditLayers(access) }),
      noticesVisible(access.role) ? deps.store.audit.noticeEvents(query) : [],
      isAdmin(access) ? deps.store.accountEvents.list(query) : [],
    ]);
    return c.json({ changes, notices, accounts });
  });

  bindRoute(api, deps, consoleRoutes.auditActors, async (c) => c.json({ actors: await auditActorChoices(deps.store, c.get("access")) }));

  bindRoute(api, deps, consoleRoutes.auditCsv, async (c) => {
    const access = c.get("access");
    const query = parseInput(auditQuerySchema, c.req.query(), "Invalid audit filters");
    const changes = [];
    let before = query.before;
    while (changes.length < AUDIT_CSV_MAX_CHANGES) {
      const page = await deps.store.audit.changes({ ...query, before, limit: AUDIT_PAGE_MAX }, { layers: auditLayers(access) });
      changes.push(...page);
      if (page.length < AUDIT_PAGE_MAX) break;
      before = page.at(-1)!.seq;
    }
    const notices = noticesVisible(access.role) ? await deps.store.audit.noticeEvents({ ...query, limit: AUDIT_CSV_MAX_CHANGES }) : [];
    const accounts = isAdmin(access) ? await deps.store.accountEvents.list({ ...query, limit: AUDIT_CSV_MAX_CHANGES }) : [];
    const stamp = new Date(deps.clock.now()).toISOString().slice(0, 16).replace(/[:T]/g, "-");
    return c.body(auditToCsv(changes, notices, accounts), 200, {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="snowline-audit-${stamp}.csv"`,
      "cache-control": "no-store",
    });
  });
}
