import { request } from "node:http";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../../test/support/test-server";

/** fetch() will not send a Host of our choosing; node:http will, as an attacker's client would. */
function getWithHost(url: string, host: string, extra: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { host, ...extra } }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

// Finding 10: without SNOWLINE_PUBLIC_URL the request's Host went into publicly cacheable
// output, so one poisoned request could make a CDN serve links to another site to everyone.
describe("public output never reflects the Host header", () => {
  let t: TestServer;
  beforeEach(async () => {
    t = await startTestServer();
  });
  afterEach(async () => t.close());

  const PUBLIC_PATHS = [
    "/feeds/changes.atom",
    "/feeds/changes/schools.atom",
    "/feeds/alerts.cap",
    "/feeds/alerts.atom",
    "/api/v1/assets.geojson",
    "/api/v1/assets.csv",
    "/api/v1/assets",
    "/api/v1/assets/school-1",
  ];

  it.each(PUBLIC_PATHS)("%s names no host but the site's own", async (path) => {
    await t.post({ changes: [{ assetId: "school-1", status: { code: "closed", message: "Closed" } }] });
    for (const host of ["evil.example", "evil.example:8080"]) {
      const { body } = await getWithHost(`${t.url}${path}`, host, { "x-forwarded-host": "evil.example" });
      expect(body).not.toContain("evil.example");
    }
  });

  it("oEmbed answers with the site's own address, not the Host's", async () => {
    const page = encodeURIComponent(`${t.url}/assets/school-1`);
    const { status, body } = await getWithHost(`${t.url}/oembed?url=${page}&format=json`, "evil.example");
    expect(status).toBe(200);
    expect(body).not.toContain("evil.example");
    expect(body).toContain(t.url);
  });

  it("oEmbed refuses a page URL on the Host's origin", async () => {
    const page = encodeURIComponent("http://evil.example/assets/school-1");
    const { status, body } = await getWithHost(`${t.url}/oembed?url=${page}&format=json`, "evil.example");
    expect(status).toBe(404);
    expect(body).not.toContain("evil.example/");
  });
});
