import { afterEach, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../../test/support/test-server";
import { createHash } from "node:crypto";
import { contentSecurityPolicy, sharedPagePolicy } from "./frame-headers";
import { inlineScriptHashes } from "./public-cache/inline-script-hashes";

// Finding 11: the CSP was frame-ancestors only, with no nosniff, Referrer-Policy,
// Permissions-Policy or HSTS. Pages and the embed are checked end to end (e2e/security-headers.spec.ts).
describe("hardening headers", () => {
  let t: TestServer | null = null;
  afterEach(async () => {
    await t?.close();
    t = null;
  });

  it("puts every hardening header on API, feed and oEmbed answers, and no HSTS over plain http", async () => {
    t = await startTestServer();
    for (const path of ["/api/v1/assets", "/feeds/changes.atom", "/api/v1/nothing-here", "/healthz"]) {
      const res = await fetch(`${t.url}${path}`);
      expect(res.headers.get("content-security-policy"), path).toBe("default-src 'none'; frame-ancestors 'self'");
      expect(res.headers.get("x-content-type-options"), path).toBe("nosniff");
      expect(res.headers.get("referrer-policy"), path).toBe("strict-origin-when-cross-origin");
      expect(res.headers.get("permissions-policy"), path).toContain("geolocation=(self)");
      expect(res.headers.get("x-frame-options"), path).toBe("SAMEORIGIN");
      expect(res.headers.get("strict-transport-security"), path).toBeNull();
    }
  });

  it("asks for HSTS when the public URL is https", async () => {
    t = await startTestServer({ console: { publicUrl: "https://snow.example.gov.uk" } });
    const res = await fetch(`${t.url}/api/v1/assets`);
    expect(res.headers.get("strict-transport-security")).toBe("max-age=31536000");
  });

  it("lets pages run only this site's scripts and those carrying the response's nonce", () => {
    const policy = contentSecurityPolicy("page", "'self'", { nonce: "abc123" });
    expect(policy).toContain("script-src 'self' 'nonce-abc123'");
    expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(policy).not.toContain("unsafe-eval");
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("base-uri 'self'");
  });

  it("lets a shared page run only this site's scripts and its own inline scripts, by hash", () => {
    const html = `<script src="/_next/static/a.js" async></script><script>self.__next_f.push([1,"x"])</script><script id="j">var a = "</p>";</script>`;
    const hashes = inlineScriptHashes(html);
    const hashOf = (text: string) => `'sha256-${createHash("sha256").update(text).digest("base64")}'`;
    expect(hashes).toEqual([hashOf('self.__next_f.push([1,"x"])'), hashOf('var a = "</p>";')]);
    const policy = sharedPagePolicy("/", hashes, { isHttps: false });
    expect(policy).toContain(`script-src 'self' ${hashes.join(" ")}`);
    expect(policy).not.toContain("nonce");
    expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(policy).toContain("frame-ancestors 'self'");
    expect(sharedPagePolicy("/embed", hashes, { isHttps: false })).toContain("frame-ancestors *");
  });

  // Finding 13 (error path): Next.js answered a plain-text 500 for a malformed escape.
  it.each(["/api/v1/assets/%E0%A4%A", "/feeds/%ZZ.atom", "/api/v1/%"])("answers %s with a JSON 400", async (path) => {
    t = await startTestServer();
    const res = await fetch(`${t.url}${path}`);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/percent-encoding/);
  });
});
