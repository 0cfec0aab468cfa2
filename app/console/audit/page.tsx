import type { Metadata } from "next";
import Link from "next/link";
import { DataTable } from "@/components/console/data-table";
import { AuditFilters } from "@/components/console/audit-filters";
import { ConsoleShell } from "@/components/console/console-shell";
import { NotAllowed } from "@/components/console/not-allowed";
import { UndoButton } from "@/components/console/undo-button";
import { formatDateTime } from "@/components/status/format-time";
import { auditQuerySchema, type AuditQuery } from "@/lib/audit/audit-query";
import { canChangeAsset, canViewAudit } from "@/lib/domain/access";
import type { PublicStatus } from "@/lib/domain/status";
import { fieldErrorsOf } from "@/lib/domain/validation";
import { requireConsoleSession } from "../console-session";

export const metadata: Metadata = { title: "Audit log" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const describe = (status: PublicStatus) =>
  `${status.label}${status.message ? ` — “${status.message}”` : ""}${status.until ? ` until ${formatDateTime(status.until)}` : ""}${
    status.upcoming ? `; upcoming ${status.upcoming.label}${status.upcoming.from ? ` from ${formatDateTime(status.upcoming.from)}` : ""}` : ""
  }`;

const KIND_LABELS: Record<string, string> = { set: "Set", schedule: "Scheduled", activate: "Started (scheduled)", expire: "Ended (expired)", undo: "Undo" };

export default async function AuditPage({ searchParams }: { searchParams: SearchParams }) {
  const { session, consoleCtx, app } = await requireConsoleSession("/console/audit");
  const { access } = session;
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const parsed = auditQuerySchema.safeParse(raw);
  const query: AuditQuery = parsed.success ? parsed.data : auditQuerySchema.parse({});
  const isAllowed = canViewAudit(access);
  const { changes, notices, accounts } = isAllowed ? await consoleCtx.audit(query, access) : { changes: [], notices: [], accounts: [] };
  const actors = isAllowed ? await consoleCtx.auditActors(access) : [];
  const params = new URLSearchParams(Object.entries(raw).filter((e): e is [string, string] => typeof e[1] === "string" && e[1] !== "" && e[0] !== "before"));
  const older = changes.length === query.limit ? `?${new URLSearchParams({ ...Object.fromEntries(params), before: String(changes.at(-1)!.seq) })}` : null;

  return (
    <ConsoleShell councilName={app.config.councilName} user={session.user} access={access} settings={consoleCtx.settings} csrfToken={session.csrfToken} current="audit" title="Audit log">
      {!isAllowed ? (
        <NotAllowed>Only administrators and officers read the audit log.</NotAllowed>
      ) : (
        <>
          <p className="lede">Every status change and notice: who, when, from where, before and after. Never shown to the public.</p>
          {!parsed.success ? (
            <div className="error-summary" role="alert">
              <h2>Some filters were not understood</h2>
              <ul>
                {fieldErrorsOf(parsed.error).map((e) => (
                  <li key={e.path}>
                    {e.path}: {e.message}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          <AuditFilters query={query} actors={actors} />
          <p>
            <a href={`/api/v1/audit.csv?${params}`} download>
              Download these entries as CSV
            </a>{" "}
            <Link href="/console/audit">Clear filters</Link>
          </p>

          <DataTable
            caption={
              <>
                Status changes, newest first ({changes.length}
                {older ? "; more below" : ""})
              </>
            }
            columns={["When", "Who", "From", "Asset", "Change", "Before → after"]}
            actions="Undo"
            empty="No changes match."
            rowCount={changes.length}
            boxProps={{ "data-testid": "audit-changes" }}
          >
            {changes.map((c) => (
              <tr key={c.seq} data-seq={c.seq}>
                <td>{formatDateTime(new Date(c.at))}</td>
                <td>
                  {c.actor.name}
                  {c.actor.type === "token" ? " (API token)" : c.actor.type === "system" ? " (automatic)" : ""}
                </td>
                <td>{c.ip ?? "—"}</td>
                <td>
                  {c.assetName ?? c.assetId} <span className="muted">({c.assetId})</span>
                </td>
                <td>{KIND_LABELS[c.kind] ?? c.kind}</td>
                <td>
                  {describe(c.before)} → {describe(c.after)}
                </td>
                <td>
                  {c.assetVersion !== null && canChangeAsset(access, { id: c.assetId, layer: c.layer }) ? (
                    <UndoButton seq={c.seq} assetName={c.assetName ?? c.assetId} expectedVersion={c.assetVersion} csrfToken={session.csrfToken} />
                  ) : null}
                </td>
              </tr>
            ))}
          </DataTable>
          {older ? (
            <p>
              <Link href={`/console/audit${older}`}>Older changes</Link>
            </p>
          ) : null}

          {access.role === "admin" || consoleCtx.settings.officersMayPostNotices ? (
            <DataTable
              caption={`Notices created and ended (${notices.length})`}
              columns={["When", "Who", "From", "Action", "Notice"]}
              empty="No notice entries match."
              rowCount={notices.length}
            >
              {notices.map((n) => (
                <tr key={`${n.noticeId}-${n.action}`}>
                  <td>{formatDateTime(new Date(n.at))}</td>
                  <td>{n.actor.name}</td>
                  <td>{n.ip ?? "—"}</td>
                  <td>{n.action === "created" ? "Created" : "Ended"}</td>
                  <td className="status-message">
                    {n.level}: {n.text}
                  </td>
                </tr>
              ))}
            </DataTable>
          ) : null}
          {access.role === "admin" ? (
            <DataTable
              caption={`Sign-ins and account changes (${accounts.length})`}
              columns={["When", "Who", "From", "What", "Account"]}
              empty="No account entries match."
              rowCount={accounts.length}
              boxProps={{ "data-testid": "audit-accounts" }}
            >
              {accounts.map((a, index) => (
                <tr key={`${a.at}-${index}`}>
                  <td>{formatDateTime(new Date(a.at))}</td>
                  <td>{a.actor ? a.actor.name : "—"}</td>
                  <td>{a.ip ?? "—"}</td>
                  <td>{a.kind.charAt(0).toUpperCase() + a.kind.slice(1)}</td>
                  <td>{a.subject ?? "—"}</td>
                </tr>
              ))}
            </DataTable>
          ) : null}
        </>
      )}
    </ConsoleShell>
  );
}
