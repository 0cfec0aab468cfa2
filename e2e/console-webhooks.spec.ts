import type { APIRequestContext, Page } from "@playwright/test";
import type { WebhookDelivery } from "../lib/webhooks/webhook-schema";
import { verifyWebhookSignature, WEBHOOK_HEADERS } from "../lib/webhooks/signature";
import { startWebhookReceiver } from "../test/support/webhook-receiver";
import { expect, test } from "./fixtures";
import { expectNoAxeViolations, signInByApi, signInWithKeyboard } from "./support/console";

async function webhookIdOf(request: APIRequestContext, url: string): Promise<string | null> {
  const { webhooks } = (await (await request.get("/api/v1/webhooks")).json()) as { webhooks: { id: string; url: string; disabledAt: string | null }[] };
  return webhooks.find((w) => w.url === url && !w.disabledAt)?.id ?? null;
}

async function deliveriesOf(request: APIRequestContext, webhookId: string): Promise<WebhookDelivery[]> {
  const res = await request.get(`/api/v1/webhooks/${webhookId}/deliveries`);
  expect(res.status()).toBe(200);
  return ((await res.json()) as { deliveries: WebhookDelivery[] }).deliveries;
}

async function typeInto(page: Page, label: string, text: string) {
  await page.getByLabel(label).focus();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.press("Backspace");
  if (text) await page.keyboard.type(text);
}

test.describe("webhooks", () => {
  // The worker runs on real time: a failed attempt, then a retry the admin asks for.
  test.slow();

  test("an admin registers a webhook, sees its failed delivery with the status code, and sends it again once the receiver recovers", async ({ page, api }) => {
    const receiver = await startWebhookReceiver();
    receiver.answerFromNowOn(503);
    try {
      await signInWithKeyboard(page, "admin");
      const nav = page.getByRole("navigation", { name: "Console sections" }).getByRole("link", { name: "Webhooks" });
      await nav.focus();
      await page.keyboard.press("Enter");
      await expect(page).toHaveURL(/\/console\/webhooks$/);
      await expectNoAxeViolations(page, "the webhooks page");

      // Checked with the server's schema before anything is sent.
      await typeInto(page, "Address (URL)", "ftp://example.org/hooks");
      await typeInto(page, "Signing secret (optional)", "too short");
      await page.keyboard.press("Enter");
      const summary = page.getByRole("alert").filter({ hasText: "Check the webhook: nothing was registered." });
      await expect(summary).toBeFocused();
      await expect(summary.getByRole("link")).toHaveText(["url must start with http:// or https://", "Pick at least one layer", "secret must be at least 16 characters"]);
      await expect(summary.getByRole("link", { name: "Pick at least one layer" })).toHaveAttribute("href", "#webhook-layers-field");
      await expectNoAxeViolations(page, "the webhooks page with an error summary");
      expect(await webhookIdOf(page.request, "ftp://example.org/hooks")).toBeNull();

      await typeInto(page, "Address (URL)", receiver.url);
      await page.getByRole("checkbox", { name: "Schools" }).focus();
      await page.keyboard.press("Space");
      await typeInto(page, "Signing secret (optional)", "");
      await page.getByRole("button", { name: "Register webhook" }).focus();
      await page.keyboard.press("Enter");
      const secret = (await page.getByTestId("new-webhook-secret").textContent())!;
      expect(secret).toMatch(/^whsec_/);
      const row = page.locator(`tr[data-webhook="${receiver.url}"]`);
      await expect(row.getByRole("cell")).toHaveText([receiver.url, "Schools", /by Ada Admin$/, "Active", "Remove"]);
      const deliveries = page.locator(`[data-webhook-deliveries="${receiver.url}"] tbody tr[data-delivery]`);
      await expect(page.locator(`[data-webhook-deliveries="${receiver.url}"]`)).toContainText("Nothing sent yet");
      await page.reload();
      await expect(page.getByTestId("new-webhook-secret")).toHaveCount(0);
      await expect(page.locator("body")).not.toContainText(secret);
      const webhookId = (await webhookIdOf(page.request, receiver.url))!;

      // A change on its layer: the receiver answers 503, and the page shows it without a reload.
      const { seq } = await api.postChanges([{ assetId: "school-190", status: { code: "closed", message: "Boiler failed (webhook journey)" } }]);
      await expect(deliveries).toHaveCount(1, { timeout: 15_000 });
      const delivery = deliveries.first();
      await expect(delivery.getByRole("cell").nth(0)).toHaveText(`Change ${seq}`);
      await expect(delivery.getByRole("cell").nth(2)).toHaveText("Failed; will try again");
      await expect(delivery.getByRole("cell").nth(4)).toHaveText("HTTP 503");
      expect(receiver.received.length).toBeGreaterThanOrEqual(1);
      expect(receiver.received.every((r) => r.answeredWith === 503)).toBe(true);
      await expectNoAxeViolations(page, "the webhooks page with a failed delivery");

      // The worker tries again by itself 10 s after the first failure. So that the button, not the
      // backoff, sends it, go on only with a few seconds to spare; otherwise let that retry fail first.
      let [waiting] = await deliveriesOf(page.request, webhookId);
      if (Date.parse(waiting!.nextAttemptAt!) - Date.now() < 4_000) {
        const attempts = waiting!.attempts;
        await expect.poll(async () => (await deliveriesOf(page.request, webhookId))[0]!.attempts, { timeout: 20_000 }).toBeGreaterThan(attempts);
        [waiting] = await deliveriesOf(page.request, webhookId);
      }
      const scheduledRetryAt = Date.parse(waiting!.nextAttemptAt!);
      receiver.answerFromNowOn(204);
      const sendAgain = page.getByRole("button", { name: `Send change ${seq} to ${receiver.url} again` });
      await sendAgain.focus();
      await page.keyboard.press("Enter");

      const sent = page.getByRole("status").filter({ hasText: "Sent again" });
      await expect(sent).toHaveText("Sent again: delivered (HTTP 204)", { timeout: 10_000 });
      await expect(delivery).toHaveAttribute("data-state", "delivered");
      await expect(delivery.getByRole("cell").nth(4)).toHaveText("HTTP 204");
      await expect(sendAgain).toHaveCount(0);
      // The button went away; keyboard focus stays in the row, on what happened.
      await expect(sent).toBeFocused();

      const [done] = await deliveriesOf(page.request, webhookId);
      expect(done).toMatchObject({ state: "delivered", attempts: waiting!.attempts + 1 });
      expect(Date.parse(done!.attemptLog.at(-1)!.at)).toBeLessThan(scheduledRetryAt);
      const last = receiver.received.at(-1)!;
      expect(last.answeredWith).toBe(204);
      expect(new Set(receiver.received.map((r) => r.headers[WEBHOOK_HEADERS.delivery]))).toEqual(new Set([done!.id]));
      const timestamp = Number(last.headers[WEBHOOK_HEADERS.timestamp]);
      expect(verifyWebhookSignature(secret, timestamp, last.body, String(last.headers[WEBHOOK_HEADERS.signature]))).toBe(true);
      expect(JSON.parse(last.body)).toMatchObject({ type: "status.changes", fromSeq: seq, changes: [{ assetId: "school-190", status: { code: "closed" } }] });
      await expectNoAxeViolations(page, "the webhooks page after sending again");

      // Removed: nothing more is queued for it.
      const remove = page.getByRole("button", { name: `Remove webhook ${receiver.url}` });
      await remove.focus();
      await page.keyboard.press("Enter");
      await expect(row.getByRole("cell").nth(3)).toHaveText(/^Removed /);
      await expect(page.locator(`[data-webhook-deliveries="${receiver.url}"]`)).toHaveCount(0);
      await api.postChanges([{ assetId: "school-190", status: { code: "open", message: "" } }]);
      expect(await deliveriesOf(page.request, webhookId)).toHaveLength(1);
    } finally {
      // Other journeys on this server post school changes: never leave them a receiver that is gone.
      const id = await webhookIdOf(page.request, receiver.url).catch(() => null);
      if (id) await page.request.delete(`/api/v1/webhooks/${id}`, { headers: { "x-csrf-token": (await signInByApi(page.request, "admin")).csrfToken } });
      await receiver.close();
    }
  });

  test("on a phone the page does not scroll sideways: wide tables scroll inside their own box", async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    const { csrfToken } = await signInByApi(page.request, "admin");
    const url = "http://127.0.0.1:9/hooks/a-rather-long-path-for-a-phone-screen";
    const created = await page.request.post("/api/v1/webhooks", { headers: { "x-csrf-token": csrfToken }, data: { url, layers: ["bins"] } });
    expect(created.status()).toBe(201);
    try {
      await page.goto("/console/webhooks");
      await expect(page.locator(`[data-webhook-deliveries="${url}"]`)).toBeVisible();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(390);
    } finally {
      await page.request.delete(`/api/v1/webhooks/${(await created.json()).webhook.id}`, { headers: { "x-csrf-token": csrfToken } });
    }
  });

  test("an officer gets the 403 treatment on the page and from the endpoints; signed out, the page asks to sign in", async ({ page }) => {
    await page.goto("/console/webhooks");
    await expect(page).toHaveURL(/\/sign-in\?next=%2Fconsole%2Fwebhooks$/);

    await signInWithKeyboard(page, "ann");
    await expect(page.getByRole("navigation", { name: "Console sections" }).getByRole("link", { name: "Webhooks" })).toHaveCount(0);
    await page.goto("/console/webhooks");
    await expect(page.getByRole("alert").filter({ hasText: "403: not allowed" })).toContainText("Only administrators manage webhooks.");
    await expect(page.getByLabel("Address (URL)")).toHaveCount(0);
    await expectNoAxeViolations(page, "the webhooks page for an officer");

    const { csrfToken } = await signInByApi(page.request, "ann");
    expect((await page.request.get("/api/v1/webhooks")).status()).toBe(403);
    const register = await page.request.post("/api/v1/webhooks", { headers: { "x-csrf-token": csrfToken }, data: { url: "http://127.0.0.1:9/officer", layers: ["schools"] } });
    expect(register.status()).toBe(403);
  });
});
