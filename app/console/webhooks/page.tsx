import type { Metadata } from "next";
import { ActionButton } from "@/components/console/action-button";
import { ConsoleShell } from "@/components/console/console-shell";
import { DataTable } from "@/components/console/data-table";
import { NotAllowed } from "@/components/console/not-allowed";
import { AutoRefresh } from "@/components/console/webhooks/auto-refresh";
import { DeliveryTable } from "@/components/console/webhooks/delivery-table";
import { formatAttemptTime } from "@/components/console/webhooks/delivery-text";
import { WebhookForm } from "@/components/console/webhooks/webhook-form";
import { formatDateTime } from "@/components/status/format-time";
import { canManageWebhooks } from "@/lib/domain/access";
import { LAYER_LABELS } from "@/lib/domain/layers";
import { requireConsoleSession } from "../console-session";

export const metadata: Metadata = { title: "Webhooks" };

const DELIVERIES_SHOWN = 20;
const REFRESH_MS = 5_000;

export default async function WebhooksPage() {
  const { session, consoleCtx, app } = await requireConsoleSession("/console/webhooks");
  const isAllowed = canManageWebhooks(session.access);
  const webhooks = isAllowed ? await consoleCtx.webhooks() : [];
  const active = webhooks.filter((w) => !w.disabledAt);
  const deliveries = await Promise.all(active.map((w) => consoleCtx.webhookDeliveries(w.id, DELIVERIES_SHOWN)));
  const csrf = session.csrfToken;

  return (
    <ConsoleShell councilName={app.config.councilName} user={session.user} access={session.access} settings={consoleCtx.settings} csrfToken={csrf} current="webhooks" title="Webhooks">
      {!isAllowed ? (
        <NotAllowed>Only administrators manage webhooks.</NotAllowed>
      ) : (
        <>
          <p className="lede">
            Snowline POSTs each batch of changes on a webhook&rsquo;s layers to its address, signed with its secret. A failed delivery is tried again
            after 10 s, 30 s, 2 min, 10 min, 30 min and then hourly; send it again yourself once the receiver is fixed.
          </p>
          <DataTable
            caption={`Webhooks (${webhooks.length})`}
            columns={["Address", "Layers", "Created", "State"]}
            actions
            empty="No webhooks yet."
            rowCount={webhooks.length}
          >
            {webhooks.map((w) => (
              <tr key={w.id} data-webhook={w.url}>
                <td className="break-anywhere">{w.url}</td>
                <td>{w.layers.map((l) => LAYER_LABELS[l].plural).join(", ")}</td>
                <td>
                  {formatDateTime(w.createdAt)} by {w.createdBy}
                </td>
                <td>{w.disabledAt ? `Removed ${formatDateTime(w.disabledAt)}` : "Active"}</td>
                <td>
                  {w.disabledAt ? null : (
                    <ActionButton path={`/api/v1/webhooks/${w.id}`} method="DELETE" csrfToken={csrf} label={`Remove webhook ${w.url}`} variant="warning">
                      Remove
                    </ActionButton>
                  )}
                </td>
              </tr>
            ))}
          </DataTable>
          {active.length ? (
            <section className="section" aria-labelledby="deliveries-title">
              <h2 id="deliveries-title">Deliveries</h2>
              <p className="muted">
                The {DELIVERIES_SHOWN} most recent per webhook. This page updates by itself every few seconds (last at {formatAttemptTime(new Date(consoleCtx.now()).toISOString())}).
              </p>
              <AutoRefresh everyMs={REFRESH_MS} />
              {active.map((w, i) => (
                <DeliveryTable key={w.id} webhook={w} deliveries={deliveries[i] ?? []} csrfToken={csrf} />
              ))}
            </section>
          ) : null}
          <WebhookForm csrfToken={csrf} />
        </>
      )}
    </ConsoleShell>
  );
}
