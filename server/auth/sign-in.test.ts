import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ManualClock } from "../../lib/domain/clock";
import { storedRows } from "../../lib/store/testing";
import { T0 } from "../../test/support/fixtures";
import { addUser, sessionCookieOf, signIn, signInRequest, TEST_PASSWORD } from "../../test/support/console-client";
import { startTestServer, type TestServer } from "../../test/support/test-server";
import { SIGN_IN_REFUSED } from "./auth-service";

const MINUTE = 60_000;

describe("signing in to the console", () => {
  let t: TestServer;
  let clock: ManualClock;
  beforeEach(async () => {
    clock = new ManualClock(T0);
    t = await startTestServer({ clock, console: { sessionPolicy: { idleMs: 30 * MINUTE, absoluteMs: 8 * 60 * MINUTE } } });
    await addUser(t, { email: "ann@council.gov.uk", name: "Ann Officer", role: "officer", layers: ["schools"] });
  });
  afterEach(async () => t.close());

  it("starts a server-side session in an httpOnly, SameSite cookie, Secure behind https", async () => {
    const res = await signInRequest(t, "Ann@Council.gov.uk", TEST_PASSWORD);
    expect(res.status).toBe(200);
    const cookie = res.headers.getSetCookie()[0]!;
    expect(cookie).toMatch(/^snowline_session=snl_s_[A-Za-z0-9_-]{43}; Max-Age=28800; Path=\/; HttpOnly; SameSite=Lax$/);
    const body = await res.json();
    expect(body.user).toMatchObject({ email: "ann@council.gov.uk", name: "Ann Officer", role: "officer" });
    expect(JSON.stringify(body)).not.toMatch(/argon2|hash/i);
    // The database keeps only the token's hash.
    const [row] = await storedRows(t.store, "sessions");
    expect(cookie).not.toContain(row!.token_hash);

    const overHttps = await signInRequest(t, "ann@council.gov.uk", TEST_PASSWORD, { "x-forwarded-proto": "https" });
    expect(overHttps.headers.getSetCookie()[0]).toMatch(/; HttpOnly; Secure; SameSite=Lax$/);
  });

  it("answers a wrong password, an unknown email and a disabled account with the same words", async () => {
    const wrong = await signInRequest(t, "ann@council.gov.uk", "not the password");
    const unknown = await signInRequest(t, "nobody@council.gov.uk", TEST_PASSWORD);
    const disabledUser = await addUser(t, { email: "gone@council.gov.uk", name: "Gone", role: "admin" });
    await t.server.users.setDisabled(disabledUser.id, true);
    const disabled = await signInRequest(t, "gone@council.gov.uk", TEST_PASSWORD);
    for (const res of [wrong, unknown, disabled]) {
      expect(res.status).toBe(401);
      expect((await res.json()).error.message).toBe(SIGN_IN_REFUSED);
      expect(res.headers.getSetCookie()).toEqual([]);
    }
  });

  it("throttles an account after 10 wrong passwords, even with the right one, and says for how long", async () => {
    for (let i = 1; i <= 9; i++) expect((await signInRequest(t, "ann@council.gov.uk", `wrong ${i}`)).status).toBe(401);
    const tenth = await signInRequest(t, "ann@council.gov.uk", "wrong 10");
    expect(tenth.status).toBe(429);
    const right = await signInRequest(t, "ann@council.gov.uk", TEST_PASSWORD);
    expect(right.status).toBe(429);
    expect(Number(right.headers.get("retry-after"))).toBeGreaterThan(800);
    expect((await right.json()).error.message).toMatch(/^Too many sign-in attempts\. .* paused for 15 minutes/);
    // An unknown email is throttled the same way, so throttling does not reveal which accounts exist.
    for (let i = 1; i <= 10; i++) await signInRequest(t, "nobody@council.gov.uk", `wrong ${i}`);
    expect((await signInRequest(t, "nobody@council.gov.uk", "again")).status).toBe(429);
  });

  it("ends a session after the idle timeout and after the absolute timeout", async () => {
    const ann = await signIn(t, "ann@council.gov.uk");
    clock.advance(29 * MINUTE);
    expect((await ann.get("/api/v1/auth/session")).status).toBe(200);
    clock.advance(29 * MINUTE);
    expect((await ann.get("/api/v1/auth/session")).status).toBe(200);
    clock.advance(30 * MINUTE);
    expect((await ann.get("/api/v1/auth/session")).status).toBe(401);

    const busy = await signIn(t, "ann@council.gov.uk");
    // 17 × 29 minutes: never idle, but past the 8-hour absolute limit.
    for (let i = 0; i < 17; i++) {
      clock.advance(29 * MINUTE);
      await busy.get("/api/v1/auth/session");
    }
    expect((await busy.get("/api/v1/auth/session")).status).toBe(401);
  });

  it("signs out one session, or every session of the user", async () => {
    const laptop = await signIn(t, "ann@council.gov.uk");
    const phone = await signIn(t, "ann@council.gov.uk");
    const tablet = await signIn(t, "ann@council.gov.uk");
    const out = await laptop.post("/api/v1/auth/sign-out");
    expect(out.status).toBe(200);
    expect(out.headers.getSetCookie()[0]).toMatch(/^snowline_session=; Max-Age=0/);
    expect((await laptop.get("/api/v1/auth/session")).status).toBe(401);
    expect((await phone.get("/api/v1/auth/session")).status).toBe(200);
    expect(await (await phone.post("/api/v1/auth/sign-out-everywhere")).json()).toEqual({ signedOut: 2 });
    expect((await tablet.get("/api/v1/auth/session")).status).toBe(401);
  });

  it("refuses state-changing requests without a session, without the CSRF token, or from another site; stores nothing", async () => {
    const ann = await signIn(t, "ann@council.gov.uk");
    const change = { changes: [{ assetId: "school-1", status: { code: "closed", message: "Snow" } }] };
    const noSession = await fetch(`${t.url}/api/v1/changes`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(change) });
    expect(noSession.status).toBe(401);
    const noCsrf = await ann.post("/api/v1/changes", change, { csrf: null });
    expect(noCsrf.status).toBe(403);
    expect((await noCsrf.json()).error.message).toMatch(/CSRF/);
    expect((await ann.post("/api/v1/changes", change, { csrf: "x".repeat(43) })).status).toBe(403);
    // A session from another user does not make someone else's CSRF token valid.
    await addUser(t, { email: "bob@council.gov.uk", name: "Bob", role: "admin" });
    const bob = await signIn(t, "bob@council.gov.uk");
    expect((await ann.post("/api/v1/changes", change, { csrf: bob.csrfToken })).status).toBe(403);
    const crossSite = await fetch(`${t.url}/api/v1/changes`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie: ann.cookie, "x-csrf-token": ann.csrfToken, origin: "https://evil.example" },
      body: JSON.stringify(change),
    });
    expect(crossSite.status).toBe(403);
    expect((await t.store.getAsset("school-1"))?.status.code).toBe("open");
    expect(await t.store.headSeq()).toBe(0);
    expect((await ann.post("/api/v1/auth/sign-out", undefined, { csrf: null })).status).toBe(403);
    expect((await ann.post("/api/v1/changes", change)).status).toBe(201);
  });

  it("lets a new user set a password once with a sign-in link, then sign in with it", async () => {
    const { user, link } = await t.server.users.create({ email: "new@council.gov.uk", name: "New Officer", role: "officer", layers: ["bins"], assets: [] });
    expect(user.hasPassword).toBe(false);
    expect((await signInRequest(t, "new@council.gov.uk", "")).status).toBe(400);
    const claim = (password: string) =>
      fetch(`${t.url}/api/v1/auth/claim-link`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ token: link!.token, password }) });
    const short = await claim("short");
    expect(short.status).toBe(400);
    expect((await short.json()).error.fieldErrors[0].path).toBe("password");
    const claimed = await claim("a long enough pass phrase");
    expect(claimed.status).toBe(200);
    expect(sessionCookieOf(claimed)).toMatch(/^snowline_session=/);
    expect((await claim("another long pass phrase")).status).toBe(403);
    expect((await signInRequest(t, "new@council.gov.uk", "a long enough pass phrase")).status).toBe(200);
  });

  it("finding 3: an older sign-in link no longer resets the password once a newer link was issued and used", async () => {
    const admin = await addUser(t, { email: "admin@council.gov.uk", name: "Admin", role: "admin" });
    const adminClient = await signIn(t, admin.email);
    const { user } = await t.server.users.create({ email: "new@council.gov.uk", name: "New Officer", role: "officer", layers: ["bins"], assets: [] });
    const issue = async () => {
      const res = await adminClient.post(`/api/v1/users/${user.id}/sign-in-link`);
      expect(res.status).toBe(200);
      return new URL((await res.json()).signInLink).hash.replace("#token=", "");
    };
    const claim = (token: string, password: string) =>
      fetch(`${t.url}/api/v1/auth/claim-link`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ token: decodeURIComponent(token), password }) });
    const older = await issue();
    clock.advance(MINUTE);
    const newer = await issue();
    expect((await claim(newer, "the password i chose first")).status).toBe(200);
    clock.advance(MINUTE);
    const replay = await claim(older, "an attacker's new password");
    expect(replay.status).toBe(403);
    expect((await signInRequest(t, "new@council.gov.uk", "an attacker's new password")).status).toBe(401);
    expect((await signInRequest(t, "new@council.gov.uk", "the password i chose first")).status).toBe(200);

    // A link that was issued but never used dies when the password is set with a newer one.
    const unused = await issue();
    const reset = await issue();
    expect((await claim(reset, "a second chosen password")).status).toBe(200);
    expect((await claim(unused, "an attacker's new password")).status).toBe(403);
  });

  it("finding 7: refuses twelve spaces, password1234 and 123456789012 when a password is set with a link", async () => {
    const { link } = await t.server.users.create({ email: "new@council.gov.uk", name: "New Officer", role: "officer", layers: ["bins"], assets: [] });
    const claim = (password: string) =>
      fetch(`${t.url}/api/v1/auth/claim-link`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ token: link!.token, password }) });
    for (const weak of [" ".repeat(12), "password1234", "123456789012"]) {
      const res = await claim(weak);
      expect(res.status).toBe(400);
      const { error } = await res.json();
      expect(error.fieldErrors).toEqual([{ path: "password", message: expect.stringMatching(/not only spaces|commonly used/) }]);
    }
    // Nothing was stored and the link still works.
    expect((await t.store.users.findByEmail("new@council.gov.uk"))?.hasPassword).toBe(false);
    expect((await claim("a long enough pass phrase")).status).toBe(200);
  });

  it("ends the sessions of a user who is disabled", async () => {
    const ann = await signIn(t, "ann@council.gov.uk");
    await t.server.users.setDisabled(ann.user.id, true);
    expect((await ann.get("/api/v1/auth/session")).status).toBe(401);
  });
});
