import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ManualClock } from "../../lib/domain/clock";
import { T0 } from "../../test/support/fixtures";
import { addUser, signIn, signInRequest, TEST_PASSWORD, type ConsoleClient } from "../../test/support/console-client";
import { startTestServer, type TestServer } from "../../test/support/test-server";

interface Event {
  kind: string;
  actor: { type: string; name: string } | null;
  subject: string | null;
  ip: string | null;
}

describe("account events in the audit log (admins only)", () => {
  let t: TestServer;
  let ada: ConsoleClient;
  let ann: ConsoleClient;
  let clock: ManualClock;
  // Each step a second after the last, so the newest-first order is defined.
  const tick = () => clock.advance(1000);

  beforeEach(async () => {
    clock = new ManualClock(T0);
    t = await startTestServer({ clock });
    await addUser(t, { email: "ada@council.gov.uk", name: "Ada Admin", role: "admin" });
    tick();
    await addUser(t, { email: "ann@council.gov.uk", name: "Ann Officer", role: "officer", layers: ["schools"] });
    tick();
    ada = await signIn(t, "ada@council.gov.uk");
    tick();
    ann = await signIn(t, "ann@council.gov.uk");
    tick();
  });
  afterEach(async () => t.close());

  it("records sign-in, failed sign-in, link issue and use, and account creation, disabling and enabling", async () => {
    const created = await ada.post("/api/v1/users", { email: "new@council.gov.uk", name: "New Officer", role: "officer", layers: ["bins"] });
    expect(created.status).toBe(201);
    const { user } = (await created.json()) as { user: { id: string } };
    tick();
    const issued = await ada.post(`/api/v1/users/${user.id}/sign-in-link`);
    tick();
    const token = decodeURIComponent(new URL(((await issued.json()) as { signInLink: string }).signInLink).hash.replace("#token=", ""));
    const claimed = await fetch(`${t.url}/api/v1/auth/claim-link`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ token, password: "a long enough pass phrase" }),
    });
    expect(claimed.status).toBe(200);
    tick();
    expect((await signInRequest(t, "new@council.gov.uk", "not the password")).status).toBe(401);
    tick();
    expect((await signInRequest(t, "nobody@council.gov.uk", TEST_PASSWORD)).status).toBe(401);
    tick();
    expect((await ada.post(`/api/v1/users/${user.id}/disable`)).status).toBe(200);
    tick();
    expect((await ada.post(`/api/v1/users/${user.id}/enable`)).status).toBe(200);

    const res = await ada.get("/api/v1/audit");
    expect(res.status).toBe(200);
    const events = ((await res.json()) as { accounts: Event[] }).accounts;
    // Newest first; the two sign-ins of the beforeEach come last.
    expect(events.map((e) => [e.kind, e.actor?.name ?? null, e.subject])).toEqual([
      ["user enabled", "Ada Admin", "New Officer (new@council.gov.uk)"],
      ["user disabled", "Ada Admin", "New Officer (new@council.gov.uk)"],
      ["sign-in failed", null, "nobody@council.gov.uk"],
      ["sign-in failed", null, "new@council.gov.uk"],
      ["signed in", "New Officer", "New Officer (new@council.gov.uk)"],
      ["sign-in link used", "New Officer", "New Officer (new@council.gov.uk)"],
      ["sign-in link issued", "Ada Admin", "New Officer (new@council.gov.uk)"],
      ["sign-in link issued", "Ada Admin", "New Officer (new@council.gov.uk)"],
      ["user created", "Ada Admin", "New Officer (new@council.gov.uk)"],
      ["signed in", "Ann Officer", "Ann Officer (ann@council.gov.uk)"],
      ["signed in", "Ada Admin", "Ada Admin (ada@council.gov.uk)"],
      // Accounts made outside a request (the command line, here the test set-up) have no actor or IP.
      ["user created", null, "Ann Officer (ann@council.gov.uk)"],
      ["user created", null, "Ada Admin (ada@council.gov.uk)"],
    ]);
    expect(events.slice(0, -2).every((e) => e.ip === "127.0.0.1")).toBe(true);

    const csv = await (await ada.get("/api/v1/audit.csv")).text();
    expect(csv).toMatch(/account,[^\n]*,sign-in failed,/);
    expect(csv).toMatch(/account,[^\n]*,user disabled,/);
  });

  it("never shows account events to officers", async () => {
    expect((await signInRequest(t, "ada@council.gov.uk", "wrong password")).status).toBe(401);
    const res = await ann.get("/api/v1/audit");
    expect(((await res.json()) as { accounts: Event[] }).accounts).toEqual([]);
    expect(await (await ann.get("/api/v1/audit.csv")).text()).not.toMatch(/sign-in|ada@/);
  });
});
