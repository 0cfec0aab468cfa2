import { DataTable } from "@/components/console/data-table";
import type { Webhook, WebhookDelivery } from "@/lib/webhooks/webhook-schema";
import { canSendAgain, describeDeliveryState, describeLastResponse, describeSeqRange, formatAttemptTime } from "./delivery-text";
import { SendAgainButton } from "./send-again-button";

/** A webhook's recent deliveries: what was sent, how it went, and when the next try is. */
export function DeliveryTable({ webhook, deliveries, csrfToken }: { webhook: Webhook; deliveries: WebhookDelivery[]; csrfToken: string }) {
  return (
    <DataTable
      caption={`Recent deliveries to ${webhook.url} (${deliveries.length}, newest first)`}
      captionClassName="break-anywhere"
      columns={["What", "Queued", "State", "Attempts", "Last response", "Next attempt"]}
      actions
      empty="Nothing sent yet: the next change on its layers will be."
      rowCount={deliveries.length}
      boxProps={{ "data-webhook-deliveries": webhook.url }}
    >
      {deliveries.map((d) => {
        const state = describeDeliveryState(d);
        const response = describeLastResponse(d);
        return (
          <tr key={d.id} data-delivery={d.id} data-state={d.state}>
            <td>{describeSeqRange(d)}</td>
            <td>{formatAttemptTime(d.createdAt)}</td>
            <td>
              {state}
              {d.deliveredAt ? ` ${formatAttemptTime(d.deliveredAt)}` : ""}
            </td>
            <td>{d.attempts}</td>
            <td>{response}</td>
            <td>{d.nextAttemptAt ? formatAttemptTime(d.nextAttemptAt) : "None"}</td>
            <td>
              <SendAgainButton
                key={d.id}
                path={`/api/v1/webhooks/${webhook.id}/deliveries/${d.id}/retry`}
                csrfToken={csrfToken}
                label={`Send ${describeSeqRange(d).toLowerCase()} to ${webhook.url} again`}
                canSendAgain={canSendAgain(d)}
                attempts={d.attempts}
                outcome={`${state.toLowerCase()} (${response})`}
              />
            </td>
          </tr>
        );
      })}
    </DataTable>
  );
}
