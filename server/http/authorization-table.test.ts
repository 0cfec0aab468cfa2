import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { API_ROUTES } from "../../lib/api/contract/api-routes";
import { ManualClock } from "../../lib/domain/clock";
import type { ClientToServerEvents } from "../../lib/realtime/protocol";
import { addUser, signIn, type ConsoleClient } from "../../test/support/console-client";
import { T0 } from "../../test/support/fixtures";
import { startTestServer, type TestServer } from "../../test/support/test-server";

/**
 * Who may call what, written out by hand: every API route (from the contract) and socket event ×
 * every kind of caller → the expected answer. "ok" means the caller got past authorization (the
 * route may still answer 400 or 404 to this test's placeholder input); 401 and 403 are refusals.
 * A route added to the contract without a row here fails the first test.
 */
type Expect = "ok" | 401 | 403;
const ACTORS = ["anonymous", "siteOfOtherAsset", "officerOfOtherLayer", "admin", "tokenOfOneLayer", "expiredToken", "revokedToken", "disabledUser", "expiredSession"] as const;
type ActorName = (typeof ACTORS)[number];
type Row = Record<ActorName, Expect>;

const everyone: Row = { anonymous: "ok", siteOfOtherAsset: "ok", officerOfOtherLayer: "ok", admin: "ok", tokenOfOneLayer: "ok", expiredToken: "ok", revokedToken: "ok", disabledUser: "ok", expiredSession: "ok" };
// Stale or missing credentials are refused before anything else is looked at.
const SIGNED_OUT = { anonymous: 401, expiredToken: 401, revokedToken: 401, disabledUser: 401, expiredSession: 401 } as const;
/** Console routes take a session, never a token. */
const sessionRow = (site: Expect, officer: Expect): Row => ({ ...SIGNED_OUT, siteOfOtherAsset: site, officerOfOtherLayer: officer, admin: "ok", tokenOfOneLayer: 401 });
const anyConsoleUser = sessionRow("ok", "ok");
const adminOnly = sessionRow(403, 403);
/** Changes to school-1 (schools): only callers whose scope includes it. */
const changesSchool1: Row = { ...SIGNED_OUT, siteOfOtherAsset: 403, officerOfOtherLayer: 403, admin: "ok", tokenOfOneLayer: 403 };

const TABLE: Record<string, Row> = {
  "GET /openapi.json": everyone,
  "GET /assets": everyone,
  "GET /assets/{id}": everyone,
  "GET /statuses": everyone,
  "GET /geometry": everyone,
  "GET /notices": everyone,
  "GET /changes": everyone,
  "POST /changes": changesSchool1,
  "POST /changes/undo": changesSchool1,
  "POST /admin/imports": adminOnly,
  "GET /admin/exports": adminOnly,
  "GET /assets.geojson": everyone,
  "GET /assets.csv": everyone,
  "POST /webhooks": adminOnly,
  "GET /webhooks": adminOnly,
  "DELETE /webhooks/{id}": adminOnly,
  "GET /webhooks/{id}/deliveries": adminOnly,
  "POST /webhooks/{id}/deliveries/{deliveryId}/retry": adminOnly,
  "POST /auth/sign-in": everyone,
  "POST /auth/claim-link": everyone,
  "GET /auth/session": anyConsoleUser,
  "POST /auth/sign-out": anyConsoleUser,
  "POST /auth/sign-out-everywhere": anyConsoleUser,
  "GET /users": adminOnly,
  "POST /users": adminOnly,
  "POST /users/{id}/sign-in-link": adminOnly,
  "POST /users/{id}/disable": adminOnly,
  "POST /users/{id}/enable": adminOnly,
  "POST /users/{id}/sign-out-everywhere": adminOnly,
  "GET /tokens": adminOnly,
  "POST /tokens": adminOnly,
  "POST /tokens/{id}/revoke": adminOnly,
  "GET /templates": anyConsoleUser,
  "POST /templates": adminOnly,
  "DELETE /templates/{id}": adminOnly,
  // Officers may post notices only where SNOWLINE_OFFICERS_MAY_POST_NOTICES=1 (off here).
  "GET /console/notices": adminOnly,
  "POST /notices": adminOnly,
  "POST /notices/{id}/end": adminOnly,
  "GET /audit": sessionRow(403, "ok"),
  "GET /audit.csv": sessionRow(403, "ok"),
  "GET /audit/actors": sessionRow(403, "ok"),
};

/**
 * Socket events: the live connection is anonymous and read-only (no cookie or token is read), so
 * every caller is treated alike. Typed by the protocol, so a new event without a row fails tsc.
 */
const SOCKET_TABLE: Record<keyof ClientToServerEvents, Row> = {
  "status:resume": everyone,
  "status:subscribe": everyone,
};

/** Bodies that would do something real if authorization let them through. */
const BODIES: Record<string, unknown> = {
  "POST /changes": { changes: [{ assetId: "school-1", status: { code: "closed", message: "Authorization table" } }] },
  "POST /changes/undo": { changes: [{ seq: 1, expectedVersion: 1 }] },
};

const routeKey = (route: { method: string; path: string }) => `${route.method.toUpperCase()} ${route.path}`;
const MINUTE = 60_000;

describe("authorization table: every route and socket event × every kind of caller", () => {
  let t: TestServer;
  const clock = new ManualClock(T0);
  const headersOf = new Map<ActorName, () => Promise<Record<string, string>>>();

  const sessionHeaders = (client: ConsoleClient) => ({ cookie: client.cookie, "x-csrf-token": client.csrfToken });

  beforeAll(async () => {
    t = await startTestServer({ clock });
    await addUser(t, { email: "site@test.invalid", name: "Sita Site", role: "site", assets: ["school-2"] });
    await addUser(t, { email: "officer@test.invalid", name: "Otto Officer", role: "officer", layers: ["gritting"] });
    await addUser(t, { email: "admin@test.invalid", name: "Ada Admin", role: "admin" });
    const disabled = await addUser(t, { email: "gone@test.invalid", name: "Gus Gone", role: "admin" });
    await addUser(t, { email: "idle@test.invalid", name: "Ida Idle", role: "admin" });

    // Stale credentials first, then the clock moves past them.
    const idle = await signIn(t, "idle@test.invalid");
    const expiring = await t.store.tokens.create("expiring", clock.now(), clock.now() + 10 * MINUTE);
    clock.advance(2 * 60 * MINUTE);
    const gone = await signIn(t, "gone@test.invalid");
    await t.server.users.setDisabled(disabled.id, true);
    const revoked = await t.store.tokens.create("revoked", clock.now());
    expect(await t.store.tokens.revoke(revoked.record.id, clock.now())).toBe(true);
    const gritting = await t.store.tokens.create("gritting feed", clock.now(), null, { layers: ["gritting"] });
    // Change 1, for the undo row.
    expect((await t.post(BODIES["POST /changes"])).status).toBe(201);

    const fresh = (email: string) => async () => sessionHeaders(await signIn(t, email));
    const fixed = (headers: Record<string, string>) => () => Promise.resolve(headers);
    headersOf.set("anonymous", fixed({}));
    // Fresh sessions per request: a row may sign the caller out.
    headersOf.set("siteOfOtherAsset", fresh("site@test.invalid"));
    headersOf.set("officerOfOtherLayer", fresh("officer@test.invalid"));
    headersOf.set("admin", fresh("admin@test.invalid"));
    headersOf.set("tokenOfOneLayer", fixed({ authorization: `Bearer ${gritting.token}` }));
    headersOf.set("expiredToken", fixed({ authorization: `Bearer ${expiring.token}` }));
    headersOf.set("revokedToken", fixed({ authorization: `Bearer ${revoked.token}` }));
    headersOf.set("disabledUser", fixed(sessionHeaders(gone)));
    headersOf.set("expiredSession", fixed(sessionHeaders(idle)));
  });
  afterAll(async () => t.close());

  it("lists every route of the contract and every route the server answers under /api/v1", () => {
    const contract = API_ROUTES.map(routeKey);
    const served = t.server.apiRoutes
      .filter((r) => r.method !== "ALL" && r.path.startsWith("/api/v1/"))
      .map((r) => `${r.method} ${r.path.slice("/api/v1".length).replace(/:(\w+)/g, "{$1}")}`);
    const missing = [...new Set([...contract, ...served])].filter((key) => !(key in TABLE));
    expect(missing, "routes with no row in the authorization table").toEqual([]);
    expect(Object.keys(TABLE).filter((key) => !contract.includes(key)), "rows for routes that no longer exist").toEqual([]);
  });

  it.each(API_ROUTES.map((route) => [routeKey(route), route] as const))("%s", async (key, route) => {
    const row = TABLE[key]!;
    const path = `/api/v1${route.path.replace(/\{(\w+)\}/g, "x-1")}`;
    const got: Partial<Record<ActorName, Expect | number>> = {};
    for (const actor of ACTORS) {
      const headers = await headersOf.get(actor)!();
      const hasBody = route.method !== "get";
      const res = await fetch(`${t.url}${path}`, {
        method: route.method.toUpperCase(),
        headers: hasBody ? { "content-type": "application/json", ...headers } : headers,
        body: hasBody ? JSON.stringify(BODIES[key] ?? {}) : undefined,
      });
      await res.arrayBuffer();
      got[actor] = res.status === 401 || res.status === 403 ? res.status : "ok";
    }
    expect(got).toEqual(row);
  });

  it("lets every caller use the socket events, which read only public data", async () => {
    const client = await t.client();
    const resume = await client.emitWithAck("status:resume", { since: 0 });
    expect(resume).toMatchObject({ seq: await t.store.headSeq() });
    const subscribe = await client.emitWithAck("status:subscribe", { layers: ["schools"] });
    expect(subscribe).toEqual({ layers: ["schools"] });
    for (const row of Object.values(SOCKET_TABLE)) expect(new Set(Object.values(row))).toEqual(new Set(["ok"]));
  });

  it("stored nothing for any refused caller", async () => {
    const audit = await t.store.audit.changes({ limit: 100 } as Parameters<typeof t.store.audit.changes>[0], { layers: null });
    const refused = ["Sita Site", "Otto Officer", "gritting feed", "expiring", "revoked", "Gus Gone", "Ida Idle"];
    expect(audit.length).toBeGreaterThan(1);
    expect(audit.filter((c) => refused.includes(c.actor.name))).toEqual([]);
  });
});
