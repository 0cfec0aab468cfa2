import type { Metadata } from "next";
import { ActionButton } from "@/components/console/action-button";
import { ConsoleShell } from "@/components/console/console-shell";
import { DataTable } from "@/components/console/data-table";
import { NotAllowed } from "@/components/console/not-allowed";
import { UserForm } from "@/components/console/user-form";
import { formatDateTime } from "@/components/status/format-time";
import { accessForUser } from "@/lib/auth/sessions";
import { canManageUsers, describeScope, ROLE_LABELS } from "@/lib/domain/access";
import { requireConsoleSession } from "../console-session";
import { NewLinkButton } from "@/components/console/new-link-button";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  const { session, consoleCtx, app } = await requireConsoleSession("/console/users");
  const isAllowed = canManageUsers(session.access);
  const users = isAllowed ? await consoleCtx.users() : [];
  const csrf = session.csrfToken;

  return (
    <ConsoleShell councilName={app.config.councilName} user={session.user} access={session.access} settings={consoleCtx.settings} csrfToken={csrf} current="users" title="Users">
      {!isAllowed ? (
        <NotAllowed>Only administrators manage accounts.</NotAllowed>
      ) : (
        <>
          <DataTable
            caption={`Console accounts (${users.length})`}
            columns={["Name", "Email", "Role", "May change", "State", "Last sign-in"]}
            actions
            rowCount={users.length}
          >
            {users.map((u) => (
              <tr key={u.id} data-user={u.email}>
                <td>{u.name}</td>
                <td>{u.email}</td>
                <td>{ROLE_LABELS[u.role]}</td>
                <td>{describeScope(accessForUser(u))}</td>
                <td>{u.disabledAt ? "Disabled" : u.hasPassword ? "Active" : "Invited (no password yet)"}</td>
                <td>{u.lastSignInAt ? formatDateTime(new Date(u.lastSignInAt)) : "Never"}</td>
                <td>
                  <div className="actions-cell">
                    {u.id === session.user.id ? null : u.disabledAt ? (
                      <ActionButton path={`/api/v1/users/${u.id}/enable`} csrfToken={csrf} label={`Enable ${u.email}`}>
                        Enable
                      </ActionButton>
                    ) : (
                      <ActionButton path={`/api/v1/users/${u.id}/disable`} csrfToken={csrf} label={`Disable ${u.email}`} variant="warning">
                        Disable
                      </ActionButton>
                    )}
                    <ActionButton path={`/api/v1/users/${u.id}/sign-out-everywhere`} csrfToken={csrf} label={`Sign ${u.email} out everywhere`}>
                      Sign out everywhere
                    </ActionButton>
                    <NewLinkButton userId={u.id} email={u.email} csrfToken={csrf} />
                  </div>
                </td>
              </tr>
            ))}
          </DataTable>
          <UserForm csrfToken={csrf} />
        </>
      )}
    </ConsoleShell>
  );
}
