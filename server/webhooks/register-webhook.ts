import type { Store } from "../../lib/store/store";
import type { Webhook, WebhookInput } from "../../lib/webhooks/webhook-schema";
import type { WebhookTargets } from "./webhook-targets";

/**
 * Registers a webhook, from the console or the command line alike: an address that is internal
 * (written out or by its DNS answer) is refused with a reason, and nothing is stored.
 */
export async function registerWebhook(
  deps: { store: Store; targets: WebhookTargets },
  input: WebhookInput,
  context: { createdBy: string; now: number },
): Promise<{ webhook: Webhook; secret: string }> {
  await deps.targets.checkRegistration(input.url);
  return deps.store.webhooks.add(input, context);
}
