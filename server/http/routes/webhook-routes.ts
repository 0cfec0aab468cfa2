import type { Hono } from "hono";
import { deliveriesQuerySchema, publicRoutes } from "../../../lib/api/contract/public-routes";
import { NotFoundError } from "../../../lib/domain/errors";
import { parseInput } from "../../../lib/domain/validation";
import { webhookInputSchema } from "../../../lib/webhooks/webhook-schema";
import { sessionOf, type ApiEnv } from "../authorize";
import { bindRoute } from "../bind-route";
import type { HttpDeps } from "../context";
import { readJson } from "../read-json";
import { registerWebhook } from "../../webhooks/register-webhook";

/**
 * Admin endpoints for outbound webhooks (signed-in administrators; `npx snowline webhook …` on the
 * server does the same). The secret is returned once, on creation.
 */
export function webhookRoutes(api: Hono<ApiEnv>, deps: HttpDeps): void {
  bindRoute(api, deps, publicRoutes.addWebhook, async (c) => {
    const actor = sessionOf(c).access.actor;
    const input = parseInput(webhookInputSchema, await readJson(c), "The webhook is invalid; nothing was stored");
    const { webhook, secret } = await registerWebhook({ store: deps.store, targets: deps.webhookTargets }, input, { createdBy: actor.name, now: deps.clock.now() });
    return c.json({ webhook, secret }, 201);
  });

  bindRoute(api, deps, publicRoutes.listWebhooks, async (c) => {
    return c.json({ webhooks: await deps.store.webhooks.list() });
  });

  bindRoute(api, deps, publicRoutes.disableWebhook, async (c) => {
    return c.json({ webhook: await deps.store.webhooks.disable(c.req.param("id"), deps.clock.now()) });
  });

  bindRoute(api, deps, publicRoutes.webhookDeliveries, async (c) => {
    const id = c.req.param("id");
    if (!(await deps.store.webhooks.get(id))) throw new NotFoundError(`No webhook has the id ${id}`);
    const { limit } = parseInput(deliveriesQuerySchema, c.req.query(), "Invalid query");
    return c.json({ deliveries: await deps.store.webhooks.deliveries({ webhookId: id, limit }) });
  });

  bindRoute(api, deps, publicRoutes.retryDelivery, async (c) => {
    await deps.store.webhooks.retryNow(c.req.param("id"), c.req.param("deliveryId"), deps.clock.now());
    // Now, not at the worker's next poll: the admin is watching the console for the outcome.
    deps.wakeWebhookWorker();
    return c.json({ retrying: true }, 202);
  });
}
