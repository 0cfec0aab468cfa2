import type { Metadata } from "next";
import { ActionButton } from "@/components/console/action-button";
import { ConsoleShell } from "@/components/console/console-shell";
import { DataTable } from "@/components/console/data-table";
import { NotAllowed } from "@/components/console/not-allowed";
import { TokenForm } from "@/components/console/token-form";
import { formatDateTime } from "@/components/status/format-time";
import { canManageTokens } from "@/lib/domain/access";
import { LAYER_LABELS } from "@/lib/domain/layers";
import { requireConsoleSession } from "../console-session";

export const metadata: Metadata = { title: "API tokens" };

export default async function TokensPage() {
  const { session, consoleCtx, app } = await requireConsoleSession("/console/tokens");
  const isAllowed = canManageTokens(session.access);
  const tokens = isAllowed ? await consoleCtx.tokens() : [];
  const now = consoleCtx.now();
  const stateOf = (t: (typeof tokens)[number]) =>
    t.revokedAt ? `Revoked ${formatDateTime(new Date(t.revokedAt))}` : t.expiresAt !== null && t.expiresAt <= now ? "Expired" : "Active";

  return (
    <ConsoleShell councilName={app.config.councilName} user={session.user} access={session.access} settings={consoleCtx.settings} csrfToken={session.csrfToken} current="tokens" title="API tokens">
      {!isAllowed ? (
        <NotAllowed>Only administrators manage API tokens.</NotAllowed>
      ) : (
        <>
          <p className="lede">Tokens let other systems post changes through the API. Each may change only its layers.</p>
          <DataTable caption={`API tokens (${tokens.length})`} columns={["Name", "Layers", "Created", "Expires", "Last used", "State"]} actions rowCount={tokens.length}>
            {tokens.map((t) => (
              <tr key={t.id} data-token={t.name}>
                <td>{t.name}</td>
                <td>{t.layers ? t.layers.map((l) => LAYER_LABELS[l].plural).join(", ") : "Every layer"}</td>
                <td>
                  {formatDateTime(new Date(t.createdAt))}
                  {t.createdBy ? ` by ${t.createdBy}` : ""}
                </td>
                <td>{t.expiresAt ? formatDateTime(new Date(t.expiresAt)) : "Never"}</td>
                <td>{t.lastUsedAt ? formatDateTime(new Date(t.lastUsedAt)) : "Never"}</td>
                <td>{stateOf(t)}</td>
                <td>
                  {stateOf(t) === "Active" ? (
                    <ActionButton path={`/api/v1/tokens/${t.id}/revoke`} csrfToken={session.csrfToken} label={`Revoke token ${t.name}`} variant="warning">
                      Revoke
                    </ActionButton>
                  ) : null}
                </td>
              </tr>
            ))}
          </DataTable>
          <TokenForm csrfToken={session.csrfToken} />
        </>
      )}
    </ConsoleShell>
  );
}
