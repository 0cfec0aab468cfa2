import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type * as z from "zod";
import { consoleRoutes } from "../../lib/api/contract/console-routes";
import type { RouteContract } from "../../lib/api/contract/define-route";
import { publicRoutes } from "../../lib/api/contract/public-routes";
import { errorResponseSchema } from "../../lib/api/error-body";
import { addUser, signIn, type ConsoleClient } from "../../test/support/console-client";
import { startTestServer, type TestServer } from "../../test/support/test-server";

/**
 * Real answers against the contract's response schemas. Parsing strips keys a schema does not
 * know, so "parses to itself" also catches a field the server sends and the document leaves out.
 */
function expectMatches(route: RouteContract, status: number, body: unknown) {
  const schema = (route.responses[status]?.schema ?? (status >= 400 ? errorResponseSchema : undefined)) as z.ZodType | undefined;
  if (!schema) throw new Error(`${route.method} ${route.path} documents no JSON body for ${status}`);
  const parsed = schema.safeParse(body);
  expect(parsed.error?.issues, `${route.method} ${route.path} ${status}`).toBeUndefined();
  expect(parsed.data, `${route.method} ${route.path} ${status}: undocumented fields`).toEqual(body);
}

describe("answers match the contract's response schemas", () => {
  let t: TestServer;
  let admin: ConsoleClient;

  beforeAll(async () => {
    t = await startTestServer();
    await addUser(t, { email: "ada@test.invalid", name: "Ada Admin", role: "admin" });
    admin = await signIn(t, "ada@test.invalid");
  });
  afterAll(async () => t.close());

  const call = async (route: RouteContract, path: string, init: { client?: ConsoleClient; body?: unknown; token?: boolean } = {}) => {
    const res = init.client
      ? route.method === "get"
        ? await init.client.get(`/api/v1${path}`)
        : await init.client.send(route.method.toUpperCase(), `/api/v1${path}`, init.body)
      : await fetch(`${t.url}/api/v1${path}`, {
          method: route.method.toUpperCase(),
          headers: { "content-type": "application/json", ...(init.token ? { authorization: `Bearer ${t.token}` } : {}) },
          body: init.body === undefined ? undefined : JSON.stringify(init.body),
        });
    return { status: res.status, body: await res.json() };
  };
  const check = async (route: RouteContract, path: string, init?: Parameters<typeof call>[2]) => {
    const { status, body } = await call(route, path, init);
    expectMatches(route, status, body);
    return { status, body };
  };

  it("for a change, its undo and a stale version (409 with who changed it)", async () => {
    const change = { assetId: "school-1", status: { code: "closed", message: "Snow" } };
    const posted = await check(publicRoutes.postChanges, "/changes", { token: true, body: { changes: [change] } });
    expect(posted.status).toBe(201);
    const { seq, status } = posted.body.changes[0];
    const undo = { changes: [{ seq, expectedVersion: status.version }] };
    expect((await check(publicRoutes.undoChanges, "/changes/undo", { client: admin, body: undo })).status).toBe(201);
    const stale = await check(publicRoutes.postChanges, "/changes", { client: admin, body: { changes: [{ ...change, expectedVersion: 0 }] } });
    expect(stale.status).toBe(409);
    expect(stale.body.error.conflicts[0].current).toBeDefined();
    expect((await check(publicRoutes.postChanges, "/changes", { token: true, body: { changes: [] } })).status).toBe(400);
  });

  it("for the public reads", async () => {
    for (const [route, path] of [
      [publicRoutes.listAssets, "/assets"],
      [publicRoutes.getAsset, "/assets/school-1"],
      [publicRoutes.getAsset, "/assets/nowhere"],
      [publicRoutes.statuses, "/statuses"],
      [publicRoutes.geometry, "/geometry"],
      [publicRoutes.publicNotices, "/notices"],
      [publicRoutes.changesSince, "/changes?since=0"],
    ] as const) {
      await check(route, path);
    }
  });

  it("for the console's writes and reads", async () => {
    const user = await check(consoleRoutes.createUser, "/users", { client: admin, body: { email: "ann@test.invalid", name: "Ann", role: "officer", layers: ["schools"] } });
    expect(user.status).toBe(201);
    await check(consoleRoutes.issueSignInLink, `/users/${user.body.user.id}/sign-in-link`, { client: admin });
    await check(consoleRoutes.disableUser, `/users/${user.body.user.id}/disable`, { client: admin });
    const token = await check(consoleRoutes.createToken, "/tokens", { client: admin, body: { name: "feed", layers: ["schools"], expiresInDays: 30 } });
    await check(consoleRoutes.revokeToken, `/tokens/${token.body.record.id}/revoke`, { client: admin });
    const template = await check(consoleRoutes.createTemplate, "/templates", { client: admin, body: { layer: "schools", name: "Snow", message: "Closed due to snow." } });
    await check(consoleRoutes.deleteTemplate, `/templates/${template.body.template.id}`, { client: admin });
    const notice = await check(consoleRoutes.createNotice, "/notices", { client: admin, body: { level: "warning", text: "Roads are icy." } });
    expect(notice.status).toBe(201);
    await check(consoleRoutes.endNotice, `/notices/${notice.body.notice.id}/end`, { client: admin });
    const webhook = await check(publicRoutes.addWebhook, "/webhooks", { client: admin, body: { url: "https://example.org/hook", layers: ["schools"] } });
    expect(webhook.status).toBe(201);
    await check(publicRoutes.webhookDeliveries, `/webhooks/${webhook.body.webhook.id}/deliveries`, { client: admin });
    await check(publicRoutes.disableWebhook, `/webhooks/${webhook.body.webhook.id}`, { client: admin });
    for (const [route, path] of [
      [consoleRoutes.session, "/auth/session"],
      [consoleRoutes.listUsers, "/users"],
      [consoleRoutes.listTokens, "/tokens"],
      [consoleRoutes.listTemplates, "/templates"],
      [consoleRoutes.consoleNotices, "/console/notices"],
      [consoleRoutes.audit, "/audit"],
      [publicRoutes.listWebhooks, "/webhooks"],
    ] as const) {
      expect((await check(route, path, { client: admin })).status, path).toBe(200);
    }
  });
});
