import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CSRF_HEADER } from "../../lib/auth/session-policy";
import { hasPermission, refusalFor, type Access, type Permission } from "../../lib/domain/access";
import { addUser, signIn, type ConsoleClient } from "../../test/support/console-client";
import { startTestServer, type TestServer } from "../../test/support/test-server";

interface Operation {
  method: string;
  path: string;
  security: Record<string, unknown>[];
  permission?: Permission;
}

// Served outside /api/v1 on purpose (health checks, feeds, oEmbed); the document mentions them in its description.
const OUTSIDE_API = ["GET /healthz", "GET /readyz", "GET /feeds/changes.atom", "GET /feeds/changes/:file", "GET /feeds/alerts.cap", "GET /feeds/alerts.atom", "GET /feeds/alerts/:file", "GET /oembed"];
const SETTINGS = { officersMayPostNotices: false };
const OFFICER: Access = { actor: { type: "user", id: "o", name: "O" }, role: "officer", layers: ["schools"], assets: null };

const toHonoPath = (path: string) => path.replace(/\{(\w+)\}/g, ":$1");
const concrete = (path: string) => path.replace(/\{(\w+)\}/g, "x-1");

describe("the served API and its OpenAPI document", () => {
  let t: TestServer;
  let operations: Operation[];
  let admin: ConsoleClient;
  let officer: ConsoleClient;

  beforeAll(async () => {
    t = await startTestServer();
    const doc = await (await fetch(`${t.url}/api/v1/openapi.json`)).json();
    operations = Object.entries(doc.paths as Record<string, Record<string, { security: Operation["security"]; "x-permission"?: Permission }>>).flatMap(
      ([path, byMethod]) => Object.entries(byMethod).map(([method, op]) => ({ method: method.toUpperCase(), path, security: op.security, permission: op["x-permission"] })),
    );
    await addUser(t, { email: "ada@test.invalid", name: "Ada Admin", role: "admin" });
    await addUser(t, { email: "ann@test.invalid", name: "Ann Officer", role: "officer", layers: ["schools"] });
    admin = await signIn(t, "ada@test.invalid");
    officer = await signIn(t, "ann@test.invalid");
  });
  afterAll(async () => t.close());

  const request = (op: Operation, headers: Record<string, string> = {}) =>
    fetch(`${t.url}/api/v1${concrete(op.path)}`, {
      method: op.method,
      headers: op.method === "GET" ? headers : { "content-type": "application/json", ...headers },
      body: op.method === "GET" ? undefined : "{}",
    });
  const schemesOf = (op: Operation) => op.security.flatMap((s) => Object.keys(s)).sort().join("+") || "public";

  it("documents every route the server answers under /api/v1, and serves every documented one", () => {
    const served = new Set(t.server.apiRoutes.filter((r) => r.method !== "ALL").map((r) => `${r.method} ${r.path}`));
    const documented = new Set(operations.map((op) => `${op.method} /api/v1${toHonoPath(op.path)}`));
    expect([...served].filter((route) => route.includes(" /api/")).sort()).toEqual([...documented].sort());
    expect([...served].filter((route) => !route.includes(" /api/")).sort()).toEqual([...OUTSIDE_API].sort());
  });

  it("says for each operation how it may be called: public, session, or API token or session", () => {
    const modes = new Set(operations.map(schemesOf));
    expect(modes).toEqual(new Set(["public", "session", "bearer+session"]));
    for (const op of operations) expect(op.permission === undefined, `${op.method} ${op.path}`).toBe(schemesOf(op) === "public");
  });

  it("answers public operations without credentials", async () => {
    for (const op of operations.filter((o) => schemesOf(o) === "public")) {
      const res = await request(op);
      expect([401, 403], `${op.method} ${op.path} answered ${res.status}`).not.toContain(res.status);
    }
  });

  it("refuses signed-in operations without credentials (401), and session-only ones with an API token (401)", async () => {
    for (const op of operations.filter((o) => schemesOf(o) !== "public")) {
      expect((await request(op)).status, `${op.method} ${op.path} without credentials`).toBe(401);
      const withToken = await request(op, { authorization: `Bearer ${t.token}` });
      if (schemesOf(op) === "session") expect(withToken.status, `${op.method} ${op.path} with a bearer token`).toBe(401);
      else expect([401, 403], `${op.method} ${op.path} with a bearer token answered ${withToken.status}`).not.toContain(withToken.status);
    }
  });

  it("lets an admin session read, and refuses its writes without the CSRF token (403)", async () => {
    for (const op of operations.filter((o) => schemesOf(o) !== "public")) {
      const res = await request(op, { cookie: admin.cookie });
      if (op.method === "GET") expect([401, 403], `${op.method} ${op.path} answered ${res.status}`).not.toContain(res.status);
      else expect(res.status, `${op.method} ${op.path} without CSRF`).toBe(403);
    }
  });

  it("refuses an officer every operation whose permission officers lack, with that permission's refusal", async () => {
    const refused = operations.filter((op) => op.permission && !hasPermission(OFFICER, op.permission, SETTINGS));
    expect(refused.map((op) => op.permission)).toEqual(expect.arrayContaining(["manageUsers", "manageTokens", "importAssets", "manageWebhooks"]));
    for (const op of refused) {
      const res = await request(op, { cookie: officer.cookie, [CSRF_HEADER]: officer.csrfToken });
      expect(res.status, `${op.method} ${op.path}`).toBe(403);
      expect((await res.json()).error.message).toBe(refusalFor(op.permission!, SETTINGS));
    }
  });
});
