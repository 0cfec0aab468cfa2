import { parseInput } from "../../lib/domain/validation";
import type { Store } from "../../lib/store/store";
import { layerListSchema, webhookInputSchema } from "../../lib/webhooks/webhook-schema";
import type { WebhookTargets } from "../webhooks/webhook-targets";
import { registerWebhook } from "../webhooks/register-webhook";

/** `webhook add URL --layers schools,gritting [--secret S]`: the secret is printed once, on the last line. */
export async function webhookAdd(
  store: Store,
  targets: WebhookTargets,
  options: { url?: string; layers?: string; secret?: string; now: number },
): Promise<string[]> {
  const layers = parseInput(layerListSchema, options.layers ?? "", "--layers is invalid");
  const input = parseInput(webhookInputSchema, { url: options.url ?? "", layers, secret: options.secret }, "The webhook is invalid; nothing was stored");
  const { webhook, secret } = await registerWebhook({ store, targets }, input, { createdBy: "command line", now: options.now });
  return [
    `Added webhook ${webhook.id} for ${webhook.layers.join(", ")}: ${webhook.url}`,
    "Deliveries are signed with this secret (Snowline-Signature: sha256=HMAC of \"<timestamp>.<body>\"); it is shown only now:",
    secret,
  ];
}

export async function webhookList(store: Store): Promise<string[]> {
  const hooks = await store.webhooks.list();
  if (!hooks.length) return ["No webhooks yet. Add one with: npx snowline webhook add URL --layers schools"];
  return hooks.map((h) => `${h.id}  ${h.disabledAt ? "removed" : "active "}  ${h.layers.join(",").padEnd(22)}  ${h.url}`);
}

export async function webhookRemove(store: Store, id: string, now: number): Promise<string[]> {
  await store.webhooks.disable(id, now);
  return [`Removed webhook ${id}; nothing more will be sent to it.`];
}

export async function webhookDeliveries(store: Store, options: { webhookId?: string; limit: number }): Promise<string[]> {
  const deliveries = await store.webhooks.deliveries({ webhookId: options.webhookId, limit: options.limit });
  if (!deliveries.length) return ["No deliveries yet."];
  return deliveries.flatMap((d) => [
    `${d.id}  ${d.state.padEnd(9)}  seq ${d.fromSeq}-${d.toSeq}  attempts ${d.attempts}` +
      (d.nextAttemptAt ? `  next ${d.nextAttemptAt}` : "") +
      (d.lastError ? `  last error: ${d.lastError}` : ""),
    ...d.attemptLog.map((a) => `    #${a.attempt} ${a.at}  ${a.statusCode ?? "no answer"}  ${a.durationMs} ms${a.error ? `  ${a.error}` : ""}`),
  ]);
}
