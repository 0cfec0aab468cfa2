import type { Hono } from "hono";
import * as z from "zod";
import { NotFoundError } from "../../../lib/domain/errors";
import { parseInput } from "../../../lib/domain/validation";
import { webhookInputSchema } from "../../../lib/webhooks/webhook-schema";
import type { HttpDeps } from "../context";
import { readJson } from "../read-json";
import { registerWebhook } from "../../webhooks/register-webhook";

const deliveriesQuerySchema = z.object({
  limit: z.coerce.number({ message: "limit must be a whole number" }).int().min(1).max(500).default(50),
});

/**
 * Admin endpoints for outbound webhooks (signed-in administrators; `npx snowline webhook …` on the
 * server does the same). The secret is returned once, on creation.
 */
export function webhookRoutes(api: Hono, deps: HttpDeps): void {
  api.post("/webhooks", async (c) => {
    const actor = await deps.adminGuard.requireAdmin(c, deps);
    const input = parseInput(webhookInputSchema, await readJson(c), "The webhook is invalid; nothing was stored");
    const { webhook, secret } = await registerWebhook({ store: deps.store, targets: deps.webhookTargets }, input, { createdBy: actor.name, now: deps.clock.now() });
    return c.json({ webhook, secret }, 201);
  });

  api.get("/webhooks", async (c) => {
    await deps.adminGuard.requireAdmin(c, deps);
    return c.json({ webhooks: await deps.store.webhooks.list() });
  });

  api.delete("/webhooks/:id", async (c) => {
    await deps.adminGuard.requireAdmin(c, deps);
    return c.json({ webhook: await deps.store.webhooks.disable(c.req.param("id"), deps.clock.now()) });
  });

  api.get("/webhooks/:id/deliveries", async (c) => {
    await deps.adminGuard.requireAdmin(c, deps);
    const id = c.req.param("id");
    if (!(await deps.store.webhooks.get(id))) throw new NotFoundError(`No webhook has the id ${id}`);
    const { limit } = parseInput(deliveriesQuerySchema, c.req.query(), "Invalid query");
    return c.json({ deliveries: await deps.store.webhooks.deliveries({ webhookId: id, limit }) });
  });

  api.post("/webhooks/:id/deliveries/:deliveryId/retry", async (c) => {
    await deps.adminGuard.requireAdmin(c, deps);
    await deps.store.webhooks.retryNow(c.req.param("id"), c.req.param("deliveryId"), deps.clock.now());
    // Now, not at the worker's next poll: the admin is watching the console for the outcome.
    deps.wakeWebhookWorker();
    return c.json({ retrying: true }, 202);
  });
}
