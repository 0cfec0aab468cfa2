import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliCompressSync, gzipSync } from "node:zlib";
import { afterEach, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../../test/support/test-server";
import { createStaticFiles } from "./static-files";

let t: TestServer | null = null;
let dir: string | null = null;
afterEach(async () => {
  await t?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  t = dir = null;
});

it("serves build files precompressed by the client's Accept-Encoding, immutable, and leaves unknown names to the router", async () => {
  dir = mkdtempSync(join(tmpdir(), "snowline-static-"));
  const body = "console.log('snow');".repeat(100);
  mkdirSync(join(dir, "chunks"));
  writeFileSync(join(dir, "chunks", "app.js"), body);
  writeFileSync(join(dir, "chunks", "app.js.br"), brotliCompressSync(body));
  writeFileSync(join(dir, "chunks", "app.js.gz"), gzipSync(body));
  t = await startTestServer({ staticFiles: createStaticFiles(dir) });

  for (const [accept, encoding] of [["br, gzip", "br"], ["gzip", "gzip"], ["identity", null]] as const) {
    const res = await fetch(`${t.url}/_next/static/chunks/app.js`, { headers: { "accept-encoding": accept } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-encoding")).toBe(encoding);
    expect(res.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(res.headers.get("vary")).toBe("Accept-Encoding");
    expect(res.headers.get("content-type")).toMatch(/javascript/);
    expect(await res.text()).toBe(body);
  }
  expect((await fetch(`${t.url}/_next/static/chunks/missing.js`)).status).toBe(404);
  expect((await fetch(`${t.url}/_next/static/..%2F..%2Fetc%2Fpasswd`)).status).toBe(404);
});
