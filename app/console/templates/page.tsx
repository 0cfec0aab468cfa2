import type { Metadata } from "next";
import { ActionButton } from "@/components/console/action-button";
import { ConsoleShell } from "@/components/console/console-shell";
import { DataTable } from "@/components/console/data-table";
import { NotAllowed } from "@/components/console/not-allowed";
import { TemplateForm } from "@/components/console/template-form";
import { canManageTemplates } from "@/lib/domain/access";
import { LAYERS, LAYER_LABELS } from "@/lib/domain/layers";
import { requireConsoleSession } from "../console-session";

export const metadata: Metadata = { title: "Message templates" };

export default async function TemplatesPage() {
  const { session, consoleCtx, app } = await requireConsoleSession("/console/templates");
  const isAllowed = canManageTemplates(session.access);
  const templates = isAllowed ? await consoleCtx.templates() : [];

  return (
    <ConsoleShell councilName={app.config.councilName} user={session.user} access={session.access} settings={consoleCtx.settings} csrfToken={session.csrfToken} current="templates" title="Message templates">
      {!isAllowed ? (
        <NotAllowed>Only administrators save message templates.</NotAllowed>
      ) : (
        <>
          <p className="lede">Messages officers pick in the status form instead of typing them on a busy morning.</p>
          {LAYERS.map((layer) => {
            const list = templates.filter((t) => t.layer === layer);
            return (
              <DataTable
                key={layer}
                caption={`${LAYER_LABELS[layer].plural} (${list.length})`}
                columns={["Name", "Message", "Saved by"]}
                actions
                empty="None yet."
                rowCount={list.length}
              >
                {list.map((t) => (
                  <tr key={t.id}>
                    <td>{t.name}</td>
                    <td className="status-message">{t.message}</td>
                    <td>{t.createdBy}</td>
                    <td>
                      <ActionButton path={`/api/v1/templates/${t.id}`} method="DELETE" csrfToken={session.csrfToken} label={`Delete template ${t.name}`} variant="warning">
                        Delete
                      </ActionButton>
                    </td>
                  </tr>
                ))}
              </DataTable>
            );
          })}
          <TemplateForm csrfToken={session.csrfToken} />
        </>
      )}
    </ConsoleShell>
  );
}
