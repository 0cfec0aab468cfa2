import { afterEach, describe, expect, it, vi } from "vitest";
import type { ManualClock } from "../../lib/domain/clock";
import { WEBHOOK_RETRY_DELAYS_MS } from "../../lib/webhooks/backoff";
import { verifyWebhookSignature, WEBHOOK_HEADERS } from "../../lib/webhooks/signature";
import { startTestServer, type TestServer } from "../../test/support/test-server";
import { startWebhookReceiver } from "../../test/support/webhook-receiver";

const closeSchool = { changes: [{ assetId: "school-1", status: { code: "closed", message: `<script>&"'` } }] };

describe("outbound webhooks", () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function setUp(receiverStatuses: number[] = [], layers = ["schools"]) {
    // The receiver listens on this machine, which webhooks may reach only when allowed.
    const t: TestServer = await startTestServer({ webhooks: { allowedHosts: ["127.0.0.1"] } });
    cleanups.push(() => t.close());
    const receiver = await startWebhookReceiver(receiverStatuses);
    cleanups.push(() => receiver.close());
    const res = await fetch(`${t.url}/api/v1/webhooks`, {
      method: "POST",
      headers: { ...(await t.adminHeaders()), "content-type": "application/json" },
      body: JSON.stringify({ url: receiver.url, layers }),
    });
    expect(res.status).toBe(201);
    const { webhook, secret } = await res.json();
    return { t, receiver, webhook, secret: secret as string, clock: t.clock as ManualClock };
  }

  it("POSTs each change batch as JSON with a delivery id and an HMAC-SHA256 signature that verifies with the secret", async () => {
    const { t, receiver, secret } = await setUp();
    const posted = await (await t.post(closeSchool)).json();
    expect(await t.server.webhookWorker.runDue()).toBe(1);

    expect(receiver.received).toHaveLength(1);
    const [request] = receiver.received;
    expect(request!.headers["content-type"]).toBe("application/json");
    const timestamp = Number(request!.headers[WEBHOOK_HEADERS.timestamp]);
    expect(timestamp).toBe(Math.floor(t.clock.now() / 1000));
    const signature = String(request!.headers[WEBHOOK_HEADERS.signature]);
    expect(signature).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(verifyWebhookSignature(secret, timestamp, request!.body, signature)).toBe(true);
    expect(verifyWebhookSignature("not-the-secret-at-all", timestamp, request!.body, signature)).toBe(false);
    expect(verifyWebhookSignature(secret, timestamp, request!.body.replace("closed", "open!!"), signature)).toBe(false);
    expect(request!.headers[WEBHOOK_HEADERS.delivery]).toMatch(/^[0-9a-f-]{36}$/);
    expect(JSON.parse(request!.body)).toEqual({ type: "status.changes", fromSeq: posted.seq, toSeq: posted.seq, changes: posted.changes });
  });

  it("retries a failing receiver with backoff and delivers the batch exactly once after two failures", async () => {
    const { t, receiver, webhook, clock } = await setUp([500, 503]);
    await t.post(closeSchool);
    const worker = t.server.webhookWorker;

    expect(await worker.runDue()).toBe(1);
    expect(receiver.received.map((r) => r.answeredWith)).toEqual([500]);
    clock.advance(WEBHOOK_RETRY_DELAYS_MS[0] - 1);
    expect(await worker.runDue()).toBe(0);
    clock.advance(1);
    expect(await worker.runDue()).toBe(1);
    clock.advance(WEBHOOK_RETRY_DELAYS_MS[1]);
    expect(await worker.runDue()).toBe(1);
    for (let i = 0; i < 5; i++) {
      clock.advance(3_600_000);
      expect(await worker.runDue()).toBe(0);
    }

    expect(receiver.received.map((r) => r.answeredWith)).toEqual([500, 503, 200]);
    expect(new Set(receiver.received.map((r) => r.headers[WEBHOOK_HEADERS.delivery])).size).toBe(1);
    expect(new Set(receiver.received.map((r) => r.body)).size).toBe(1);

    const res = await fetch(`${t.url}/api/v1/webhooks/${webhook.id}/deliveries`, { headers: await t.adminHeaders() });
    const { deliveries } = await res.json();
    expect(deliveries).toHaveLength(1);
    expect(deliveries[0]).toMatchObject({ state: "delivered", attempts: 3, lastError: null });
    expect(deliveries[0].attemptLog.map((a: { statusCode: number }) => a.statusCode)).toEqual([500, 503, 200]);
    expect(deliveries[0].attemptLog[0].error).toBe("The receiver answered HTTP 500");
  });

  it("gives up after the last retry and shows the failure; an admin can send it again", async () => {
    const { t, receiver, webhook, clock } = await setUp(Array(20).fill(500));
    await t.post(closeSchool);
    for (let i = 0; i <= WEBHOOK_RETRY_DELAYS_MS.length + 2; i++) {
      await t.server.webhookWorker.runDue();
      clock.advance(WEBHOOK_RETRY_DELAYS_MS[i] ?? 3_600_000);
    }
    expect(receiver.received).toHaveLength(WEBHOOK_RETRY_DELAYS_MS.length + 1);
    const [delivery] = await t.store.webhooks.deliveries({ webhookId: webhook.id });
    expect(delivery).toMatchObject({ state: "failed", nextAttemptAt: null });

    const retry = await fetch(`${t.url}/api/v1/webhooks/${webhook.id}/deliveries/${delivery!.id}/retry`, {
      method: "POST",
      headers: await t.adminHeaders(),
    });
    expect(retry.status).toBe(202);
    expect(await t.server.webhookWorker.runDue()).toBe(1);
  });

  it("an admin can send a delivery waiting out its backoff again at once, but not one that was delivered or belongs to another webhook", async () => {
    const { t, receiver, webhook, clock } = await setUp([503]);
    await t.post(closeSchool);
    const worker = t.server.webhookWorker;
    expect(await worker.runDue()).toBe(1);
    const [waiting] = await t.store.webhooks.deliveries({ webhookId: webhook.id });
    expect(waiting).toMatchObject({ state: "pending", attempts: 1, lastError: "The receiver answered HTTP 503", nextAttemptAt: new Date(clock.now() + WEBHOOK_RETRY_DELAYS_MS[0]).toISOString() });
    const retry = (webhookId: string) =>
      t.adminHeaders().then((headers) => fetch(`${t.url}/api/v1/webhooks/${webhookId}/deliveries/${waiting!.id}/retry`, { method: "POST", headers }));

    const other = await fetch(`${t.url}/api/v1/webhooks`, {
      method: "POST",
      headers: { ...(await t.adminHeaders()), "content-type": "application/json" },
      body: JSON.stringify({ url: "http://127.0.0.1:9/other", layers: ["bins"] }),
    });
    expect((await retry((await other.json()).webhook.id)).status).toBe(404);
    expect(await worker.runDue()).toBe(0);

    expect((await retry(webhook.id)).status).toBe(202);
    expect(await worker.runDue()).toBe(1);
    expect(receiver.received.map((r) => r.answeredWith)).toEqual([503, 200]);
    expect(new Set(receiver.received.map((r) => r.headers[WEBHOOK_HEADERS.delivery])).size).toBe(1);
    const [delivered] = await t.store.webhooks.deliveries({ webhookId: webhook.id });
    expect(delivered).toMatchObject({ state: "delivered", attempts: 2 });
    expect((await retry(webhook.id)).status).toBe(404);
    clock.advance(WEBHOOK_RETRY_DELAYS_MS[0]);
    expect(await worker.runDue()).toBe(0);
  });

  it("sends again at once when an admin asks, not at the worker's next poll", async () => {
    const t = await startTestServer({ webhooks: { autoRun: true, allowedHosts: ["127.0.0.1"] } });
    cleanups.push(() => t.close());
    const receiver = await startWebhookReceiver([503]);
    cleanups.push(() => receiver.close());
    const created = await fetch(`${t.url}/api/v1/webhooks`, {
      method: "POST",
      headers: { ...(await t.adminHeaders()), "content-type": "application/json" },
      body: JSON.stringify({ url: receiver.url, layers: ["schools"] }),
    });
    const { webhook } = await created.json();
    await t.post(closeSchool);
    // Posting wakes the worker; its failure schedules the next attempt 10 s later (by the manual
    // clock) and the worker sleeps its 5 s poll, so only a wake-up can send it within the wait below.
    await vi.waitFor(() => expect(receiver.received).toHaveLength(1), { timeout: 3_000 });
    const [delivery] = await t.store.webhooks.deliveries({ webhookId: webhook.id });
    await vi.waitFor(async () => expect((await t.store.webhooks.deliveries({ webhookId: webhook.id }))[0]?.attempts).toBe(1), { timeout: 10_000 });
    const retry = await fetch(`${t.url}/api/v1/webhooks/${webhook.id}/deliveries/${delivery!.id}/retry`, { method: "POST", headers: await t.adminHeaders() });
    expect(retry.status).toBe(202);
    await vi.waitFor(() => expect(receiver.received.map((r) => r.answeredWith)).toEqual([503, 200]), { timeout: 2_500 });
  });

  it("sends only the layers a webhook follows, and nothing once it is removed", async () => {
    const { t, receiver, webhook } = await setUp([], ["gritting"]);
    await t.post(closeSchool);
    expect(await t.server.webhookWorker.runDue()).toBe(0);
    await t.post({ changes: [{ assetId: "school-2", status: { code: "closed" } }, { assetId: "route-1", status: { code: "completed" } }] });
    expect(await t.server.webhookWorker.runDue()).toBe(1);
    expect(JSON.parse(receiver.received[0]!.body).changes.map((c: { assetId: string }) => c.assetId)).toEqual(["route-1"]);

    const removed = await fetch(`${t.url}/api/v1/webhooks/${webhook.id}`, { method: "DELETE", headers: await t.adminHeaders() });
    expect(removed.status).toBe(200);
    await t.post({ changes: [{ assetId: "route-1", status: { code: "in_progress" } }] });
    expect(await t.server.webhookWorker.runDue()).toBe(0);
    expect(receiver.received).toHaveLength(1);
  });

  it("refuses registration signed out, with an API token or with bad fields, storing nothing", async () => {
    const { t } = await setUp();
    const signedOut = await fetch(`${t.url}/api/v1/webhooks`, { headers: {} });
    expect(signedOut.status).toBe(401);
    const byToken = await fetch(`${t.url}/api/v1/webhooks`, {
      method: "POST",
      headers: { authorization: `Bearer ${t.token}`, "content-type": "application/json" },
      body: JSON.stringify({ url: "http://127.0.0.1:9/hook", layers: ["schools"] }),
    });
    expect(byToken.status).toBe(401);
    const bad = await fetch(`${t.url}/api/v1/webhooks`, {
      method: "POST",
      headers: { ...(await t.adminHeaders()), "content-type": "application/json" },
      body: JSON.stringify({ url: "ftp://example.org/x", layers: ["roads"], secret: "short" }),
    });
    expect(bad.status).toBe(400);
    const { error } = await bad.json();
    expect(error.fieldErrors.map((f: { path: string }) => f.path).sort()).toEqual(["layers.0", "secret", "url"]);
    const list = await (await fetch(`${t.url}/api/v1/webhooks`, { headers: await t.adminHeaders() })).json();
    expect(list.webhooks).toHaveLength(1);
    expect(JSON.stringify(list)).not.toContain("whsec_");
  });
});
