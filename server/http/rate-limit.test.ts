import { Redis } from "ioredis";
import { afterEach, describe, expect, it } from "vitest";
import { isRedisMissing, TEST_REDIS_URL, uniqueName } from "../../test/support/services";
import { startTestServer, type TestServer } from "../../test/support/test-server";
import { createRateLimits, type RateLimitBackend } from "./rate-limit";

const closed = (code: string, assetId = "school-1") => ({ changes: [{ assetId, status: { code } }] });

async function expectTooMany(res: Response) {
  expect(res.status).toBe(429);
  expect(Number(res.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
  const body = (await res.json()) as { error: { status: number; message: string; retryAfterSeconds: number } };
  expect(body.error).toMatchObject({ status: 429, retryAfterSeconds: Number(res.headers.get("retry-after")) });
  expect(body.error.message).toMatch(/too many/i);
}

const servers: TestServer[] = [];
const redisClients: Redis[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((t) => t.close()));
  await Promise.all(redisClients.splice(0).map((r) => r.quit()));
});

const backends: { name: string; skip: () => boolean; open(): Promise<() => RateLimitBackend> }[] = [
  { name: "memory", skip: () => false, open: async () => () => ({ type: "memory" }) },
  {
    name: "redis",
    skip: () => isRedisMissing(),
    async open() {
      const namespace = uniqueName("ratelimit");
      // One client per node, as each node has its own connection to the shared Redis.
      return () => {
        const client = new Redis(TEST_REDIS_URL, { enableOfflineQueue: true, maxRetriesPerRequest: 2 });
        redisClients.push(client);
        return { type: "redis", client, namespace };
      };
    },
  },
];

describe.each(backends)("rate limits on $name", (backend) => {
  // Finding 12: no write or public read was ever refused, however fast it came.
  it("refuses a token's writes past its budget with 429 and Retry-After, stores nothing, and leaves other tokens alone", async ({ skip }) => {
    if (backend.skip()) skip();
    const node = await backend.open();
    const t = await startTestServer({ rateLimits: createRateLimits(node(), { writesPerMinute: 3, readsPerMinute: 1000 }) });
    servers.push(t);
    for (const code of ["closed", "open", "closed"]) expect((await t.post(closed(code))).status).toBe(201);
    await expectTooMany(await t.post(closed("open")));
    expect(await t.store.headSeq()).toBe(3);
    const { token: other } = await t.store.tokens.create("other", t.clock.now());
    expect((await t.post(closed("open"), { token: other })).status).toBe(201);
  });

  it("refuses an address's public reads past its budget, on the API and the feeds, but never /healthz", async ({ skip }) => {
    if (backend.skip()) skip();
    const node = await backend.open();
    const t = await startTestServer({ rateLimits: createRateLimits(node(), { writesPerMinute: 1000, readsPerMinute: 4 }) });
    servers.push(t);
    // Each of these misses the public cache (a read not made before), so each is counted.
    for (const path of ["/api/v1/statuses?ids=school-1", "/api/v1/assets", "/feeds/changes.atom", "/api/v1/statuses?ids=school-2"]) expect((await fetch(`${t.url}${path}`)).status, path).toBe(200);
    await expectTooMany(await fetch(`${t.url}/api/v1/statuses?ids=school-3`));
    await expectTooMany(await fetch(`${t.url}/feeds/alerts.cap`));
    // A read already made is answered from memory for microseconds: hits are not counted.
    expect((await fetch(`${t.url}/api/v1/assets`)).status).toBe(200);
    expect((await fetch(`${t.url}/healthz`)).status).toBe(200);
    // Writes have their own budget.
    expect((await t.post(closed("closed"))).status).toBe(201);
  });

  it("behind a trusted proxy, counts each forwarded address on its own, and ignores the hops a client wrote", async ({ skip }) => {
    if (backend.skip()) skip();
    const node = await backend.open();
    const t = await startTestServer({ rateLimits: createRateLimits(node(), { writesPerMinute: 1000, readsPerMinute: 2 }), trustProxy: true });
    servers.push(t);
    // nginx appends the peer it saw; every request reaches Snowline from nginx's one address. Each
    // read asks for something new, so it misses the public cache and is counted.
    let n = 0;
    const via = (forwardedFor: string) => fetch(`${t.url}/api/v1/statuses?ids=school-${++n}`, { headers: { "x-forwarded-for": forwardedFor } });
    expect((await via("198.51.100.1")).status).toBe(200);
    expect((await via("198.51.100.1")).status).toBe(200);
    await expectTooMany(await via("198.51.100.1"));
    // A forged first hop does not buy a new budget: the last hop is still the same resident.
    await expectTooMany(await via("203.0.113.77, 198.51.100.1"));
    // Another resident behind the same proxy has a budget of their own.
    expect((await via("198.51.100.2")).status).toBe(200);
  });

  it("without a trusted proxy, X-Forwarded-For buys no new budget", async ({ skip }) => {
    if (backend.skip()) skip();
    const node = await backend.open();
    const t = await startTestServer({ rateLimits: createRateLimits(node(), { writesPerMinute: 1000, readsPerMinute: 2 }) });
    servers.push(t);
    // Reads that miss the public cache, so each is counted.
    for (const address of ["198.51.100.1", "198.51.100.2"]) {
      expect((await fetch(`${t.url}/api/v1/statuses?ids=${address}`, { headers: { "x-forwarded-for": address } })).status).toBe(200);
    }
    await expectTooMany(await fetch(`${t.url}/api/v1/statuses?ids=198.51.100.3`, { headers: { "x-forwarded-for": "198.51.100.3" } }));
  });

  it("counts a console session's writes per session", async ({ skip }) => {
    if (backend.skip()) skip();
    const node = await backend.open();
    const t = await startTestServer({ rateLimits: createRateLimits(node(), { writesPerMinute: 2, readsPerMinute: 1000 }) });
    servers.push(t);
    const headers = { ...(await t.adminHeaders()), "content-type": "application/json" };
    const post = (code: string) => fetch(`${t.url}/api/v1/changes`, { method: "POST", headers, body: JSON.stringify(closed(code)) });
    expect((await post("closed")).status).toBe(201);
    expect((await post("open")).status).toBe(201);
    await expectTooMany(await post("closed"));
    // A new session (and the API token) have their own.
    const fresh = { ...(await t.adminHeaders()), "content-type": "application/json" };
    expect((await fetch(`${t.url}/api/v1/changes`, { method: "POST", headers: fresh, body: JSON.stringify(closed("closed")) })).status).toBe(201);
    expect((await t.post(closed("open"))).status).toBe(201);
  });
});

describe("rate limits across nodes", () => {
  it("holds one address's budget across two nodes sharing Redis", async ({ skip }) => {
    if (isRedisMissing()) skip();
    const node = await backends[1]!.open();
    const settings = { writesPerMinute: 1000, readsPerMinute: 3 };
    const a = await startTestServer({ rateLimits: createRateLimits(node(), settings) });
    servers.push(a);
    const b = await startTestServer({ rateLimits: createRateLimits(node(), settings) });
    servers.push(b);
    // Reads that miss each node's public cache, so each is counted.
    expect((await fetch(`${a.url}/api/v1/statuses?ids=school-1`)).status).toBe(200);
    expect((await fetch(`${a.url}/api/v1/statuses?ids=school-2`)).status).toBe(200);
    expect((await fetch(`${b.url}/api/v1/statuses?ids=school-1`)).status).toBe(200);
    await expectTooMany(await fetch(`${b.url}/api/v1/statuses?ids=school-3`));
    await expectTooMany(await fetch(`${a.url}/api/v1/assets`));
  });
});

it("declares 429 with Retry-After in the OpenAPI document for limited routes only", async () => {
  const t = await startTestServer();
  servers.push(t);
  const doc = (await (await fetch(`${t.url}/api/v1/openapi.json`)).json()) as {
    paths: Record<string, Record<string, { responses: Record<string, { headers?: Record<string, unknown> }> }>>;
  };
  expect(doc.paths["/changes"]!.post!.responses["429"]?.headers).toHaveProperty("Retry-After");
  expect(doc.paths["/statuses"]!.get!.responses["429"]?.headers).toHaveProperty("Retry-After");
  expect(doc.paths["/auth/session"]!.get!.responses["429"]).toBeUndefined();
});
