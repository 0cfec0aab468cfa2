import type { Webhook, WebhookDelivery } from "@/lib/webhooks/webhook-schema";
import { canSendAgain, describeDeliveryState, describeLastResponse, describeSeqRange, formatAttemptTime } from "./delivery-text";
import { SendAgainButton } from "./send-again-button";

/** A webhook's recent deliveries: what was sent, how it went, and when the next try is. */
export function DeliveryTable({ webhook, deliveries, csrfToken }: { webhook: Webhook; deliveries: WebhookDelivery[]; csrfToken: string }) {
  return (
    <div className="table-scroll section" data-webhook-deliveries={webhook.url}>
      <table className="data-table">
        <caption className="break-anywhere">
          Recent deliveries to {webhook.url} ({deliveries.length}, newest first)
        </caption>
        <thead>
          <tr>
            <th scope="col">What</th>
            <th scope="col">Queued</th>
            <th scope="col">State</th>
            <th scope="col">Attempts</th>
            <th scope="col">Last response</th>
            <th scope="col">Next attempt</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {deliveries.length === 0 ? (
            <tr>
              <td colSpan={7}>Nothing sent yet: the next change on its layers will be.</td>
            </tr>
          ) : null}
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
        </tbody>
      </table>
    </div>
  );
}
