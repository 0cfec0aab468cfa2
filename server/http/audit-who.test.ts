import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createConsoleContext } from "../../lib/auth/console-context";
import { DEFAULT_SESSION_POLICY } from "../../lib/auth/session-policy";
import { accessForUser } from "../../lib/auth/sessions";
import type { User } from "../../lib/domain/users";
import { addUser, signIn, type ConsoleClient } from "../../test/support/console-client";
import { startTestServer, type TestServer } from "../../test/support/test-server";

const closeSchool = { changes: [{ assetId: "school-1", status: { code: "closed", message: "Snow" } }] };
const binsLate = { changes: [{ assetId: "round-1", status: { code: "delayed", message: "Ice" } }] };

describe("finding 6: the audit log's who filter", () => {
  let t: TestServer;
  let ada: User, ann: User, bob: User;
  let adaClient: ConsoleClient, annClient: ConsoleClient;

  beforeEach(async () => {
    t = await startTestServer();
    ada = await addUser(t, { email: "ada@council.gov.uk", name: "Ada Admin", role: "admin" });
    ann = await addUser(t, { email: "ann@council.gov.uk", name: "Ann Officer", role: "officer", layers: ["schools"] });
    bob = await addUser(t, { email: "bob@council.gov.uk", name: "Bob Bins", role: "officer", layers: ["bins"] });
    await addUser(t, { email: "cat@council.gov.uk", name: "Cat Quiet", role: "officer", layers: ["schools"] });
    adaClient = await signIn(t, ada.email);
    annClient = await signIn(t, ann.email);
    expect((await annClient.post("/api/v1/changes", closeSchool)).status).toBe(201);
    const bobClient = await signIn(t, bob.email);
    expect((await bobClient.post("/api/v1/changes", binsLate)).status).toBe(201);
  });
  afterEach(async () => t.close());

  const expectOfficerView = (body: unknown) => {
    const json = JSON.stringify(body);
    expect(json).not.toContain("@");
    expect(json).not.toMatch(/Ada Admin|Bob Bins|Cat Quiet/);
    expect(body).toEqual({
      actors: [
        { value: `user:${ann.id}`, label: "Ann Officer" },
        { value: "system", label: "Snowline (scheduled starts and expiries)" },
      ],
    });
  };

  it("shows an officer only the names of people active in their layers, never an email (HTTP)", async () => {
    const res = await annClient.get("/api/v1/audit/actors");
    expect(res.status).toBe(200);
    expectOfficerView(await res.json());
  });

  it("shows an officer the same in the audit page's data", async () => {
    const ctx = createConsoleContext({ store: t.store, clock: t.clock, policy: DEFAULT_SESSION_POLICY, settings: { officersMayPostNotices: false } });
    expectOfficerView({ actors: await ctx.auditActors(accessForUser(ann)) });
  });

  it("shows an admin every account with its email and every token", async () => {
    const res = await adaClient.get("/api/v1/audit/actors");
    expect(res.status).toBe(200);
    const { actors } = (await res.json()) as { actors: { value: string; label: string }[] };
    const labels = actors.map((a) => a.label);
    expect(labels).toEqual(expect.arrayContaining(["Ada Admin (ada@council.gov.uk)", "Bob Bins (bob@council.gov.uk)", "Cat Quiet (cat@council.gov.uk)", "API token: test"]));
    expect(actors.at(-1)).toEqual({ value: "system", label: "Snowline (scheduled starts and expiries)" });
  });
});
