import type { Metadata } from "next";
import { ActionButton } from "@/components/console/action-button";
import { ConsoleShell } from "@/components/console/console-shell";
import { DataTable } from "@/components/console/data-table";
import { NotAllowed } from "@/components/console/not-allowed";
import { NoticeForm } from "@/components/console/notice-form";
import { formatDateTime } from "@/components/status/format-time";
import { canManageNotices } from "@/lib/domain/access";
import { isNoticeShowing } from "@/lib/domain/notices";
import { requireConsoleSession } from "../console-session";

export const metadata: Metadata = { title: "Notices" };

export default async function NoticesPage() {
  const { session, consoleCtx, app } = await requireConsoleSession("/console/notices");
  const isAllowed = canManageNotices(session.access, consoleCtx.settings);
  const now = consoleCtx.now();
  const notices = isAllowed ? await consoleCtx.notices() : [];
  const state = (n: (typeof notices)[number]) =>
    n.endedAt ? `Ended ${formatDateTime(n.endedAt)} by ${n.endedBy}` : n.until && Date.parse(n.until) <= now ? "Expired" : isNoticeShowing(n, now) ? "Showing now" : "Upcoming";

  return (
    <ConsoleShell councilName={app.config.councilName} user={session.user} access={session.access} settings={consoleCtx.settings} csrfToken={session.csrfToken} current="notices" title="Notices">
      {!isAllowed ? (
        <NotAllowed>Only administrators{consoleCtx.settings.officersMayPostNotices ? " and officers" : ""} create and end notices.</NotAllowed>
      ) : (
        <>
          <p className="lede">Council-wide banners on every public page and in the public API.</p>
          <DataTable
            caption="Notices, newest first"
            columns={["Level", "Text", "Shows", "Created", "State"]}
            actions
            empty="No notices yet."
            rowCount={notices.length}
          >
            {notices.map((n) => (
              <tr key={n.id}>
                <td>{n.level}</td>
                <td className="status-message">{n.text}</td>
                <td>
                  {n.from ? `From ${formatDateTime(n.from)}` : "From creation"}
                  {n.until ? ` until ${formatDateTime(n.until)}` : " until ended"}
                </td>
                <td>
                  {formatDateTime(n.createdAt)} by {n.createdBy}
                </td>
                <td>{state(n)}</td>
                <td>
                  {n.endedAt || (n.until && Date.parse(n.until) <= now) ? null : (
                    <ActionButton path={`/api/v1/notices/${n.id}/end`} csrfToken={session.csrfToken} label={`End notice: ${n.text.slice(0, 60)}`} variant="warning">
                      End now
                    </ActionButton>
                  )}
                </td>
              </tr>
            ))}
          </DataTable>
          <NoticeForm csrfToken={session.csrfToken} serverNow={now} />
        </>
      )}
    </ConsoleShell>
  );
}
