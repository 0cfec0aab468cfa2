import { afterEach, describe, expect, it } from "vitest";
import { ValidationError } from "../../lib/domain/errors";
import { webhookAdd } from "../cli/webhook-commands";
import { EnvError, parseEnv } from "../config/env";
import { createWebhookTargets } from "./webhook-targets";
import { startTestServer, type TestServer } from "../../test/support/test-server";
import { startWebhookReceiver } from "../../test/support/webhook-receiver";

const closeSchool = { changes: [{ assetId: "school-1", status: { code: "closed" } }] };

describe("webhook targets: no internal addresses, no credentials", () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function server(allowedHosts: string[] = []): Promise<TestServer> {
    const t = await startTestServer({ webhooks: { allowedHosts } });
    cleanups.push(() => t.close());
    return t;
  }

  async function register(t: TestServer, url: string) {
    const res = await fetch(`${t.url}/api/v1/webhooks`, {
      method: "POST",
      headers: { ...(await t.adminHeaders()), "content-type": "application/json" },
      body: JSON.stringify({ url, layers: ["schools"] }),
    });
    return { status: res.status, text: await res.text() };
  }

  it.each([
    ["http://127.0.0.1:9/hook", "a loopback address"],
    ["http://[::1]/hook", "a loopback address"],
    ["http://0.0.0.0/hook", "an unspecified address"],
    ["http://[::]/hook", "an unspecified address"],
    ["http://2130706433/", "a loopback address"],
    ["http://0177.0.0.1/", "a loopback address"],
    ["http://0x7f.0.0.1/", "a loopback address"],
    ["http://169.254.169.254/latest/meta-data/", "a link-local address"],
    ["http://[fe80::1]/", "a link-local address"],
    ["http://10.0.0.8/", "a private address"],
    ["http://172.16.5.4/", "a private address"],
    ["http://192.168.1.1/", "a private address"],
    ["http://100.64.1.1/", "a shared (CGNAT) address"],
    ["http://[fd00::5]/", "a unique-local address"],
    ["http://224.0.0.1/", "a multicast address"],
    ["http://[ff02::1]/", "a multicast address"],
    ["http://[::ffff:127.0.0.1]/", "a loopback address"],
    ["http://[::ffff:a9fe:a9fe]/", "a link-local address"],
    ["http://localhost:9/hook", "a loopback address"],
  ])("refuses to register %s (%s) with 400 and stores nothing", async (url, reason) => {
    const t = await server();
    const { status, text } = await register(t, url);
    expect(status).toBe(400);
    const { error } = JSON.parse(text);
    expect(error.fieldErrors).toEqual([{ path: "url", message: expect.stringContaining(`is ${reason}: webhooks may only reach the public internet`) }]);
    expect(await t.store.webhooks.list()).toEqual([]);
  });

  it("refuses an address with a user name and password, and does not echo the password", async () => {
    const t = await server();
    const { status, text } = await register(t, "https://snowline:hunter2-secret@hooks.example.org/x");
    expect(status).toBe(400);
    expect(JSON.parse(text).error.fieldErrors).toEqual([{ path: "url", message: "url must not contain a user name or password" }]);
    expect(text).not.toContain("hunter2");
    expect(await t.store.webhooks.list()).toEqual([]);
  });

  it("accepts a public address, and an internal host the administrator allowed", async () => {
    const t = await server(["127.0.0.1", "localhost"]);
    expect((await register(t, "https://203.0.114.7/hooks")).status).toBe(201);
    expect((await register(t, "http://127.0.0.1:9/hook")).status).toBe(201);
    expect((await register(t, "http://localhost:9/hook")).status).toBe(201);
    expect((await register(t, "http://127.0.0.2:9/hook")).status).toBe(400);
  });

  it("refuses at connect time a host name that resolves to 127.0.0.1, though it was stored (the name resolved elsewhere at registration)", async () => {
    const t = await server();
    const receiver = await startWebhookReceiver();
    cleanups.push(() => receiver.close());
    const port = new URL(receiver.url).port;
    // As if DNS answered with a public address at registration and rebinds to loopback now.
    const { webhook } = await t.store.webhooks.add({ url: `http://localhost:${port}/hooks/snowline`, layers: ["schools"] }, { createdBy: "test", now: t.clock.now() });
    await t.post(closeSchool);
    expect(await t.server.webhookWorker.runDue()).toBe(1);

    expect(receiver.received).toHaveLength(0);
    const [delivery] = await t.store.webhooks.deliveries({ webhookId: webhook.id });
    expect(delivery).toMatchObject({ state: "pending", attempts: 1 });
    expect(delivery!.attemptLog[0]).toMatchObject({
      statusCode: null,
      error: expect.stringContaining("localhost resolves to 127.0.0.1 is a loopback address"),
    });
  });

  it("delivers to a host name the administrator allowed, checked at connect time too", async () => {
    const t = await server(["localhost"]);
    const receiver = await startWebhookReceiver();
    cleanups.push(() => receiver.close());
    const port = new URL(receiver.url).port;
    await t.store.webhooks.add({ url: `http://localhost:${port}/hooks/snowline`, layers: ["schools"] }, { createdBy: "test", now: t.clock.now() });
    await t.post(closeSchool);
    expect(await t.server.webhookWorker.runDue()).toBe(1);
    expect(receiver.received).toHaveLength(1);
  });

  it("never sends to, nor logs, an address with credentials stored before they were refused", async () => {
    const t = await server(["127.0.0.1"]);
    const receiver = await startWebhookReceiver();
    cleanups.push(() => receiver.close());
    const withCredentials = receiver.url.replace("http://", "http://snowline:hunter2-secret@");
    const { webhook } = await t.store.webhooks.add({ url: withCredentials, layers: ["schools"] }, { createdBy: "test", now: t.clock.now() });
    await t.post(closeSchool);
    expect(await t.server.webhookWorker.runDue()).toBe(1);

    expect(receiver.received).toHaveLength(0);
    const deliveries = await t.store.webhooks.deliveries({ webhookId: webhook.id });
    expect(deliveries[0]!.attemptLog[0]!.error).toContain("url must not contain a user name or password");
    const shown = await fetch(`${t.url}/api/v1/webhooks/${webhook.id}/deliveries`, { headers: await t.adminHeaders() });
    const listed = await fetch(`${t.url}/api/v1/webhooks`, { headers: await t.adminHeaders() });
    expect(await shown.text()).not.toContain("hunter2");
    expect(await listed.text()).not.toContain("hunter2");
  });

  it("keeps the receiver's status code but never its body", async () => {
    const t = await server(["127.0.0.1"]);
    const receiver = await startWebhookReceiver([500]);
    cleanups.push(() => receiver.close());
    const { webhook } = await t.store.webhooks.add({ url: receiver.url, layers: ["schools"] }, { createdBy: "test", now: t.clock.now() });
    await t.post(closeSchool);
    await t.server.webhookWorker.runDue();
    const text = await (await fetch(`${t.url}/api/v1/webhooks/${webhook.id}/deliveries`, { headers: await t.adminHeaders() })).text();
    expect(JSON.parse(text).deliveries[0].attemptLog[0]).toMatchObject({ statusCode: 500, error: "The receiver answered HTTP 500" });
    expect(text).not.toContain("try later");
  });

  it("reads SNOWLINE_WEBHOOK_ALLOWED_HOSTS once at start and names it when it is wrong", () => {
    expect([...parseEnv({ SNOWLINE_WEBHOOK_ALLOWED_HOSTS: "hooks.internal, 10.0.0.5" }).SNOWLINE_WEBHOOK_ALLOWED_HOSTS]).toEqual(["hooks.internal", "10.0.0.5"]);
    expect(parseEnv({}).SNOWLINE_WEBHOOK_ALLOWED_HOSTS.size).toBe(0);
    expect(() => parseEnv({ SNOWLINE_WEBHOOK_ALLOWED_HOSTS: "http://hooks.internal/x" })).toThrow(EnvError);
    expect(() => parseEnv({ SNOWLINE_WEBHOOK_ALLOWED_HOSTS: "http://hooks.internal/x" })).toThrow(/SNOWLINE_WEBHOOK_ALLOWED_HOSTS/);
  });

  it("the command line refuses the same addresses, unless the host is allowed", async () => {
    const t = await server();
    const add = (url: string, allowed: string[] = []) =>
      webhookAdd(t.store, createWebhookTargets(new Set(allowed)), { url, layers: "schools", now: t.clock.now() });
    await expect(add("http://localhost:9/hook")).rejects.toThrow(ValidationError);
    await expect(add("http://[::ffff:169.254.169.254]/")).rejects.toThrow(ValidationError);
    expect(await t.store.webhooks.list()).toEqual([]);
    expect((await add("http://localhost:9/hook", ["localhost"]))[0]).toMatch(/^Added webhook/);
  });
});
