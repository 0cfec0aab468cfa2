import { createHash } from "node:crypto";
import { request as httpRequest } from "node:http";
import { expect, test } from "./fixtures";

/** A GET with a Host header of our choosing, as a cache-poisoning client would send (fetch refuses to). */
function getWithHost(url: string, host: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { headers: { host, "x-forwarded-host": host } }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

const CSP_VIOLATION = /Content Security Policy|Refused to (execute|load|apply|evaluate|connect)/i;

const inlineScripts = (html: string) => [...html.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>([\s\S]*?)<\/script>/g)].filter((m) => m[2]);
const isSharedPage = (path: string) => path !== "/sign-in";

// Finding 11: pages, the API and the embed carry the hardening headers, and a strict CSP.
// Public pages are made once and shared (server/http/public-cache): their CSP lists the hashes of
// their own inline scripts. Pages made per reader (sign-in, the console) carry a fresh nonce.
test("pages, the API and the embed carry the hardening headers; only the embed may be framed", async ({ request, api }) => {
  const school = await api.assetAt("schools", 3);
  for (const path of ["/", `/assets/${school.id}`, "/developers", "/sign-in", "/embed?layers=schools", "/api/v1/assets?layer=schools", "/feeds/changes.atom"]) {
    const res = await request.get(path);
    expect(res.status(), path).toBe(200);
    const headers = res.headers();
    const csp = headers["content-security-policy"] ?? "";
    expect(headers["x-content-type-options"], path).toBe("nosniff");
    expect(headers["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
    expect(headers["permissions-policy"], path).toContain("geolocation=(self)");
    expect(csp, path).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(csp, path).toContain(path.startsWith("/embed") ? "frame-ancestors *" : "frame-ancestors 'self'");
    if (path.startsWith("/api") || path.startsWith("/feeds")) {
      expect(headers["cache-control"], path).toMatch(/^public, max-age=\d+, stale-while-revalidate=\d+$/);
    } else if (isSharedPage(path)) {
      expect(headers["cache-control"], path).toMatch(/^public, max-age=\d+, stale-while-revalidate=\d+$/);
      expect(csp, path).not.toContain("'nonce-");
      // Every inline script of the page is listed by hash, and nothing else is allowed inline.
      for (const [, , content] of inlineScripts(await res.text())) {
        expect(csp, path).toContain(`'sha256-${createHash("sha256").update(content!, "utf8").digest("base64")}'`);
      }
    } else {
      expect(headers["cache-control"], path).toContain("no-store");
      expect(headers["cache-control"], path).not.toContain("public");
      const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
      expect(nonce, path).toBeTruthy();
      // Every inline script Next.js wrote carries this response's nonce.
      for (const [, attributes] of inlineScripts(await res.text())) expect(attributes, path).toContain(`nonce="${nonce}"`);
    }
  }
});

test("the resident page, an asset page, sign-in and the embed run under the CSP with no violations", async ({ page, api }) => {
  const violations: string[] = [];
  page.on("console", (msg) => {
    if (CSP_VIOLATION.test(msg.text())) violations.push(msg.text());
  });
  page.on("pageerror", (error) => violations.push(error.message));
  const school = await api.assetAt("schools", 4);

  await page.goto("/");
  // has-js is set by React once it has hydrated: the page's scripts ran.
  await expect(page.locator("html.has-js")).toHaveCount(1);
  await api.postChanges([{ assetId: school.id, status: { code: "closed", message: "CSP check" } }]);
  await expect(page.locator(`[data-asset-id="${school.id}"]`).first()).toContainText("Closed");

  await page.goto(`/assets/${school.id}`);
  await expect(page.locator("html.has-js")).toHaveCount(1);
  await page.goto("/sign-in");
  await expect(page.getByRole("button", { name: /sign in/i })).toBeVisible();
  await page.goto("/embed?layers=schools");
  await expect(page.getByTestId("embed-connection")).toHaveText(/Live/);
  expect(violations).toEqual([]);
});

// A shared page allows exactly the inline scripts it was made with: one injected later is refused.
test("an inline script injected into a shared page does not run", async ({ page }) => {
  await page.goto("/");
  await expect(page.locator("html.has-js")).toHaveCount(1);
  const ran = await page.evaluate(() => {
    const script = document.createElement("script");
    script.textContent = "document.documentElement.dataset.injected = 'yes'";
    document.body.append(script);
    return document.documentElement.dataset.injected === "yes";
  });
  expect(ran).toBe(false);
});

// Finding 10: without a configured public URL the Host header went into cacheable pages.
test("no page reflects a forged Host header", async ({ api, baseURL }) => {
  const school = await api.assetAt("schools", 5);
  for (const path of ["/", `/assets/${school.id}`, "/developers", "/embed?layers=schools", "/embed/builder", "/oembed?format=json&url=" + encodeURIComponent(`${baseURL}/`)]) {
    const { status, body } = await getWithHost(`${baseURL}${path}`, "evil.example");
    expect(status, path).toBe(200);
    expect(body, path).not.toContain("evil.example");
  }
});

// Finding 13: a malformed escape in a page URL was answered with a plain-text 500.
test("a malformed page address gets an HTML 400, not a plain-text 500", async ({ request }) => {
  for (const path of ["/assets/%E0%A4%A", "/%", "/console/%ZZ", "/embed%E0"]) {
    const res = await request.get(path);
    expect(res.status(), path).toBe(400);
    expect(res.headers()["content-type"], path).toContain("text/html");
    expect(await res.text(), path).toContain("This address is not valid");
  }
});
