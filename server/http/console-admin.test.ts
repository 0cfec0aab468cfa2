import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { addUser, signIn, signInRequest, type ConsoleClient } from "../../test/support/console-client";
import { startTestServer, type TestServer } from "../../test/support/test-server";

describe("console administration", () => {
  let t: TestServer;
  let admin: ConsoleClient;
  let officer: ConsoleClient;
  beforeEach(async () => {
    t = await startTestServer();
    await addUser(t, { email: "ada@council.gov.uk", name: "Ada Admin", role: "admin" });
    await addUser(t, { email: "ann@council.gov.uk", name: "Ann Officer", role: "officer", layers: ["schools"] });
    admin = await signIn(t, "ada@council.gov.uk");
    officer = await signIn(t, "ann@council.gov.uk");
  });
  afterEach(async () => t.close());

  it("lets only admins manage accounts, tokens and templates", async () => {
    for (const [path, body] of [
      ["/api/v1/users", { email: "x@y.org", name: "X", role: "admin" }],
      ["/api/v1/tokens", { name: "feed", layers: ["schools"], expiresInDays: 30 }],
      ["/api/v1/templates", { layer: "schools", name: "Snow", message: "Closed due to snow." }],
    ] as const) {
      const res = await officer.post(path, body);
      expect(res.status, path).toBe(403);
      expect((await res.json()).error.message).toMatch(/^Only administrators/);
    }
    expect((await officer.get("/api/v1/users")).status).toBe(403);
    expect(await t.store.tokens.list()).toHaveLength(1);
    expect(await t.store.templates.list()).toEqual([]);
  });

  it("creates an account with a one-time sign-in link, disables it and ends its sessions", async () => {
    const res = await admin.post("/api/v1/users", { email: "Head@Ashdown.sch.uk", name: "Head", role: "site", assets: ["school-1"] });
    expect(res.status).toBe(201);
    const { user, signInLink } = await res.json();
    expect(user).toMatchObject({ email: "head@ashdown.sch.uk", role: "site", assets: ["school-1"], hasPassword: false });
    expect(signInLink).toMatch(new RegExp(`^${t.url}/sign-in/link#token=snl_link_`));
    const invalid = await admin.post("/api/v1/users", { email: "not-an-email", name: "", role: "officer", layers: [] });
    expect(invalid.status).toBe(400);
    expect((await invalid.json()).error.fieldErrors.map((f: { path: string }) => f.path).sort()).toEqual(["email", "layers", "name"]);

    const annId = officer.user.id;
    expect((await admin.post(`/api/v1/users/${annId}/disable`)).status).toBe(200);
    expect((await officer.get("/api/v1/auth/session")).status).toBe(401);
    expect((await signInRequest(t, "ann@council.gov.uk", "correct horse battery staple")).status).toBe(401);
    expect((await admin.post(`/api/v1/users/${annId}/enable`)).status).toBe(200);
    expect((await admin.post(`/api/v1/users/${admin.user.id}/disable`)).status).toBe(403);
  });

  it("creates an API token limited to layers, shows it once, and revokes it", async () => {
    const res = await admin.post("/api/v1/tokens", { name: "Gritting feed", layers: ["gritting"], expiresInDays: 30 });
    expect(res.status).toBe(201);
    const { token, record } = await res.json();
    expect(record).toMatchObject({ name: "Gritting feed", layers: ["gritting"], createdBy: "Ada Admin" });
    const listed = await (await admin.get("/api/v1/tokens")).json();
    expect(JSON.stringify(listed)).not.toContain(token);
    expect((await t.post({ changes: [{ assetId: "route-1", status: { code: "completed" } }] }, { token })).status).toBe(201);
    expect((await admin.post(`/api/v1/tokens/${record.id}/revoke`)).status).toBe(200);
    expect((await t.post({ changes: [{ assetId: "route-1", status: { code: "planned" } }] }, { token })).status).toBe(401);
  });

  it("keeps message templates per layer for every console user to read", async () => {
    const saved = await admin.post("/api/v1/templates", { layer: "schools", name: "Snow", message: "Closed due to snow. Check back at 7am." });
    expect(saved.status).toBe(201);
    const { templates } = await (await officer.get("/api/v1/templates?layer=schools")).json();
    expect(templates.map((x: { message: string }) => x.message)).toEqual(["Closed due to snow. Check back at 7am."]);
    expect((await admin.send("DELETE", `/api/v1/templates/${templates[0].id}`)).status).toBe(200);
  });

  it("lets admins create and end notices; officers only when the setting allows", async () => {
    const created = await admin.post("/api/v1/notices", { level: "severe", text: "Do not travel unless you must." });
    expect(created.status).toBe(201);
    const { notice } = await created.json();
    expect((await officer.post("/api/v1/notices", { level: "info", text: "x" })).status).toBe(403);
    const publicNotices = await (await fetch(`${t.url}/api/v1/notices`)).json();
    expect(publicNotices.notices).toEqual([expect.objectContaining({ id: notice.id, text: "Do not travel unless you must." })]);
    expect(JSON.stringify(publicNotices)).not.toContain("Ada");
    expect((await admin.post(`/api/v1/notices/${notice.id}/end`)).status).toBe(200);
    expect((await (await fetch(`${t.url}/api/v1/notices`)).json()).notices).toEqual([]);

    const open = await startTestServer({ console: { settings: { officersMayPostNotices: true } } });
    try {
      await addUser(open, { email: "ann@council.gov.uk", name: "Ann Officer", role: "officer", layers: ["schools"] });
      const ann = await signIn(open, "ann@council.gov.uk");
      expect((await ann.post("/api/v1/notices", { level: "info", text: "Gritters out from 18:00" })).status).toBe(201);
    } finally {
      await open.close();
    }
  });

  it("exports the audit log as CSV with authors and IPs, neutralising formulas in officer text", async () => {
    await admin.post("/api/v1/changes", { changes: [{ assetId: "school-1", status: { code: "closed", message: '=HYPERLINK("http://evil","click")' } }] });
    await admin.post("/api/v1/notices", { level: "warning", text: "+44 call us" });
    const res = await admin.get("/api/v1/audit.csv");
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="snowline-audit-/);
    const csv = (await res.text()).replace(/^\uFEFF/, "");
    const lines = csv.trim().split("\n");
    expect(lines[0]).toMatch(/^entry,seq,time_utc,time_uk,actor_type,actor,actor_id,ip,layer,asset_id/);
    // Besides the account events (sign-ins, accounts created) the admin's export now also holds.
    expect(lines.filter((line) => !line.startsWith("account,"))).toHaveLength(3);
    expect(csv).toContain(`status change,1,2026-12-01T05:30:00.000Z,2026-12-01 05:30,user,Ada Admin,${admin.user.id},127.0.0.1,schools,school-1,Ashdown Primary,set,Open`);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"",""click"")"`);
    expect(csv).toContain("'+44 call us");
    expect((await officer.get("/api/v1/audit.csv")).status).toBe(200);
    const site = await addUser(t, { email: "head@x.sch.uk", name: "Head", role: "site", assets: ["school-1"] });
    expect((await (await signIn(t, site.email)).get("/api/v1/audit")).status).toBe(403);
  });

  it("describes the console endpoints in the OpenAPI document, from the same schemas", async () => {
    const doc = await (await fetch(`${t.url}/api/v1/openapi.json`)).json();
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(["/changes/undo", "/auth/sign-in", "/users", "/tokens", "/templates", "/audit", "/audit.csv"]));
    expect(doc.components.schemas.UserInput.properties.role.enum).toEqual(["admin", "officer", "site"]);
    expect(doc.paths["/changes"].post.responses[403]).toBeDefined();
  });
});
