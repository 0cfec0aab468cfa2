import type { IncomingMessage, ServerResponse } from "node:http";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ManualClock } from "../../../lib/domain/clock";
import { postImport } from "../../../test/support/admin-api";
import { school, T0 } from "../../../test/support/fixtures";
import { startTestServer, type TestServer } from "../../../test/support/test-server";
import { MAX_ENTRY_LIFETIME_MS } from "./public-cache";

const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((t) => t.close()));
});
async function start(options: Parameters<typeof startTestServer>[0] = {}) {
  const t = await startTestServer(options);
  servers.push(t);
  return t;
}
const statsOf = (t: TestServer) => t.server.publicCache!.stats();
const closeSchool = (t: TestServer, code = "closed", assetId = "school-1") => t.post({ changes: [{ assetId, status: { code } }] });

describe("public cache", () => {
  it("makes every cached representation of what a change touches new at once", async () => {
    const t = await start();
    const paths = ["/api/v1/statuses", "/api/v1/assets", "/api/v1/assets.csv", "/api/v1/assets.geojson", "/feeds/changes.atom", "/feeds/alerts.cap", "/api/v1/assets/school-1"];
    const before = new Map<string, { body: string; etag: string }>();
    for (const path of paths) {
      const res = await fetch(`${t.url}${path}`);
      expect(res.status, path).toBe(200);
      before.set(path, { body: await res.text(), etag: res.headers.get("etag")! });
    }
    // Served from memory now: the same bytes and the same ETag, without another fill.
    const { fills } = statsOf(t);
    for (const path of paths) expect((await fetch(`${t.url}${path}`)).headers.get("etag"), path).toBe(before.get(path)!.etag);
    expect(statsOf(t).fills).toBe(fills);

    expect((await closeSchool(t)).status).toBe(201);
    for (const path of paths) {
      const res = await fetch(`${t.url}${path}`);
      expect(res.headers.get("etag"), path).not.toBe(before.get(path)!.etag);
      expect(await res.text(), path).not.toBe(before.get(path)!.body);
    }
  });

  it("never gives a reader an older seq than one it got before, or than a POST that had returned", async () => {
    const t = await start();
    let lastPostedSeq = 0;
    const writer = (async () => {
      for (let i = 0; i < 25; i += 1) {
        const res = await closeSchool(t, i % 2 ? "open" : "closed");
        lastPostedSeq = ((await res.json()) as { seq: number }).seq;
      }
    })();
    let isWriting = true;
    void writer.finally(() => (isWriting = false));
    let lastSeen = 0;
    let reads = 0;
    while (isWriting || reads < 10) {
      const floor = lastPostedSeq;
      const body = (await (await fetch(`${t.url}/api/v1/statuses`)).json()) as { seq: number };
      expect(body.seq).toBeGreaterThanOrEqual(floor);
      expect(body.seq).toBeGreaterThanOrEqual(lastSeen);
      lastSeen = body.seq;
      reads += 1;
    }
    await writer;
    expect(lastSeen).toBe(25);
  });

  it("answers a burst of identical requests after a change with one fill", async () => {
    const t = await start();
    await fetch(`${t.url}/api/v1/assets`);
    await closeSchool(t);
    const { fills } = statsOf(t);
    const bodies = await Promise.all(Array.from({ length: 30 }, () => fetch(`${t.url}/api/v1/assets`).then((r) => r.text())));
    expect(statsOf(t).fills - fills).toBe(1);
    expect(new Set(bodies).size).toBe(1);
  });

  it("gives 304s the same ETag, Cache-Control and Vary as the 200 of every encoding, and HEAD no body", async () => {
    const t = await start();
    const tags = new Set<string>();
    for (const encoding of ["identity", "gzip", "br"]) {
      const ok = await fetch(`${t.url}/api/v1/assets`, { headers: { "accept-encoding": encoding } });
      expect(ok.status).toBe(200);
      expect(ok.headers.get("content-encoding") ?? "identity").toBe(encoding);
      expect(ok.headers.get("cache-control")).toMatch(/^public, max-age=\d+, stale-while-revalidate=\d+$/);
      expect(ok.headers.get("vary")).toMatch(/Accept-Encoding/);
      const etag = ok.headers.get("etag")!;
      tags.add(etag);
      const notModified = await fetch(`${t.url}/api/v1/assets`, { headers: { "accept-encoding": encoding, "if-none-match": etag } });
      expect(notModified.status).toBe(304);
      for (const name of ["etag", "cache-control", "vary"]) expect(notModified.headers.get(name), `${encoding} ${name}`).toBe(ok.headers.get(name));
      const head = await fetch(`${t.url}/api/v1/assets`, { method: "HEAD", headers: { "accept-encoding": encoding } });
      expect(head.headers.get("etag")).toBe(etag);
      expect(await head.text()).toBe("");
    }
    // One tag per encoding, and a cache holding any of them is current.
    expect(tags.size).toBe(3);
    const [identityTag] = [...tags];
    expect((await fetch(`${t.url}/api/v1/assets`, { headers: { "accept-encoding": "gzip", "if-none-match": identityTag! } })).status).toBe(304);
  });

  it("never shares officer or personal answers: they say private, no-store and are not served from memory", async () => {
    const t = await start();
    const admin = await t.adminHeaders();
    for (const path of ["/api/v1/auth/session", "/api/v1/webhooks", "/api/v1/admin/exports?layer=schools&format=csv"]) {
      const res = await fetch(`${t.url}${path}`, { headers: admin });
      expect(res.status, path).toBe(200);
      expect(res.headers.get("cache-control"), path).toMatch(/no-store/);
      expect(res.headers.get("cache-control"), path).not.toMatch(/public/);
    }
    const { hits, misses } = statsOf(t);
    // An API client's authenticated read goes to the router, never to the cache.
    await fetch(`${t.url}/api/v1/assets`, { headers: { authorization: `Bearer ${t.token}` } });
    await fetch(`${t.url}/api/v1/assets`, { headers: { authorization: `Bearer ${t.token}` } });
    expect(statsOf(t)).toMatchObject({ hits, misses });
    // A write is never answered from memory either.
    expect((await closeSchool(t)).headers.get("cache-control")).toBe("private, no-store");
  });

  it("makes public reads again after an asset import and after a notice change", async () => {
    const t = await start();
    const geometry = await (await fetch(`${t.url}/api/v1/geometry`)).text();
    const notices = await (await fetch(`${t.url}/api/v1/notices`)).text();
    // A status change leaves the shapes' entry alone (they do not depend on it).
    await closeSchool(t);
    const { fills } = statsOf(t);
    expect(await (await fetch(`${t.url}/api/v1/geometry`)).text()).toBe(geometry);
    expect(statsOf(t).fills).toBe(fills);

    const csv = "URN,name,lat,lon\n900001,Ashdown Primary,53.42,-2.32\n";
    const imported = await postImport(t, { layer: "schools", dryRun: "false" }, [{ name: "schools.csv", data: csv }]);
    expect(imported.status).toBe(200);
    expect(await (await fetch(`${t.url}/api/v1/geometry`)).text()).toContain("urn-900001");

    await t.server.notices.create({ level: "warning", text: "Roads icy" }, { type: "token", id: "x", name: "x" }, null);
    const after = await (await fetch(`${t.url}/api/v1/notices`)).text();
    expect(after).not.toBe(notices);
    expect(after).toContain("Roads icy");
  });

  it("makes public reads again after an import this node was not told of (the command line's)", async () => {
    const t = await start();
    expect(await (await fetch(`${t.url}/api/v1/geometry`)).text()).not.toContain("school-cli");
    // Written straight to the store, as the command-line import does: no API call, no bus message.
    await t.store.upsertAssets([school("school-cli", "Imported From The Command Line", -2.3, 53.42)], T0);
    // The node reads the assets' stamp once a second; the next read after that is new.
    await vi.waitFor(async () => expect(await (await fetch(`${t.url}/api/v1/geometry`)).text()).toContain("school-cli"), { timeout: 10_000, interval: 100 });
  });

  it("makes an entry again after its lifetime, for what changes with the clock alone", async () => {
    const clock = new ManualClock(T0);
    const t = await start({ clock });
    await fetch(`${t.url}/api/v1/notices`);
    await fetch(`${t.url}/api/v1/notices`);
    const { fills } = statsOf(t);
    await t.store.notices.create({ level: "warning", text: "Behind the server's back" }, { actor: { type: "token", id: "x", name: "x" }, ip: null, now: clock.now() });
    expect(await (await fetch(`${t.url}/api/v1/notices`)).text()).not.toContain("Behind");
    clock.advance(MAX_ENTRY_LIFETIME_MS + 1);
    // The first reader past the lifetime still gets the entry, while one fill makes it again.
    expect(await (await fetch(`${t.url}/api/v1/notices`)).text()).not.toContain("Behind");
    await t.server.publicCache!.settled();
    expect(statsOf(t).fills).toBe(fills + 1);
    expect(await (await fetch(`${t.url}/api/v1/notices`)).text()).toContain("Behind");
  });

  it("shares one entry between orderings of the same query and keeps within its byte cap", async () => {
    const cap = 40_000;
    const t = await start({ publicCacheBytes: cap });
    await fetch(`${t.url}/api/v1/statuses?layer=schools&ids=school-1`);
    const { fills } = statsOf(t);
    await fetch(`${t.url}/api/v1/statuses?ids=school-1&layer=schools`);
    expect(statsOf(t).fills).toBe(fills);
    for (let i = 0; i < 60; i += 1) {
      expect((await fetch(`${t.url}/api/v1/assets?padding=${i}`)).status).toBe(200);
      expect(statsOf(t).bytes).toBeLessThanOrEqual(cap);
    }
    expect(statsOf(t).entries).toBeGreaterThan(0);
    expect(statsOf(t).entries).toBeLessThan(60);
  });
});

describe("public cache of pages", () => {
  // A stand-in for Next.js that renders a page with an inline script, as Next does, and echoes
  // the nonce it was given (Next puts it on every script); counts its renders.
  function pages() {
    let renders = 0;
    const web = {
      renders: () => renders,
      async handle(req: IncomingMessage, res: ServerResponse) {
        renders += 1;
        const nonce = /'nonce-([^']+)'/.exec(String(req.headers["content-security-policy"] ?? ""))?.[1];
        const isConsole = req.url!.startsWith("/console");
        res.writeHead(200, {
          "content-type": "text/html; charset=utf-8",
          "cache-control": "private, no-cache, no-store, max-age=0, must-revalidate",
          ...(isConsole ? {} : { vary: "rsc, next-router-state-tree" }),
        });
        res.end(`<!doctype html><p>${isConsole ? "officer" : "resident"} ${req.headers["user-agent"]} ${renders}</p><script${nonce ? ` nonce="${nonce}"` : ""}>self.x=${renders}</script>`);
      },
    };
    return web;
  }

  it("lists a shared page's inline script hashes instead of a nonce, and keeps console pages per reader", async () => {
    const web = pages();
    const t = await start({ web });
    const home = await fetch(`${t.url}/`);
    const policy = home.headers.get("content-security-policy")!;
    expect(await home.text()).not.toContain("nonce=");
    expect(policy).toMatch(/script-src 'self' 'sha256-[A-Za-z0-9+/=]+'/);
    expect(policy).not.toContain("nonce");
    expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(home.headers.get("cache-control")).toMatch(/^public, max-age=\d+, stale-while-revalidate=\d+$/);
    expect(home.headers.get("vary")).toBe("rsc, next-router-state-tree, Accept-Encoding");
    const renders = web.renders();
    expect(await (await fetch(`${t.url}/?b=2&a=1`)).text()).toContain("resident");
    await fetch(`${t.url}/?a=1&b=2`);
    expect(web.renders()).toBe(renders + 1);
    // A client-side navigation asks for Next's RSC payload at the same URL: never from memory.
    await fetch(`${t.url}/`, { headers: { rsc: "1" } });
    expect(web.renders()).toBe(renders + 2);

    // Every reader, a link-preview bot or a browser, gets the one page made under the cache's own
    // name (so Next puts the metadata in the head): the first reader's User-Agent never decides.
    expect(await (await fetch(`${t.url}/`, { headers: { "user-agent": "Twitterbot/1.0" } })).text()).toContain("resident Snowline public cache");
    expect(await (await fetch(`${t.url}/`, { headers: { "user-agent": "Mozilla/5.0" } })).text()).toContain("resident Snowline public cache");
    expect(web.renders()).toBe(renders + 2);

    const console1 = await fetch(`${t.url}/console`, { headers: await t.adminHeaders() });
    expect(console1.headers.get("content-security-policy")).toMatch(/'nonce-[^']+'/);
    expect(console1.headers.get("cache-control")).toMatch(/no-store/);
    const console2 = await fetch(`${t.url}/console`);
    expect(await console2.text()).not.toBe(await console1.text());
  });
});
