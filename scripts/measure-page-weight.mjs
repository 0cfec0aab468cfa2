// Measures what the resident home page costs a phone: the first-load JavaScript (the module
// scripts its HTML references; `noModule` polyfills left out, as modern browsers skip them),
// gzipped; the HTML; whether the list is in that HTML; and, in Chromium, every byte the page
// pulls until it is live and the map, scrolled to, has drawn (first load vs lazy chunks vs data).
//
//   node scripts/measure-page-weight.mjs [--url http://127.0.0.1:3000] [--port 3190] [--no-browser] [--json]
//
// Without --url it builds if needed and starts a demo server on --port (default 3190).
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import { startDemoServer } from "./start-demo-server.mjs";

const BUDGET_KB = 200;
const { values } = parseArgs({ options: { url: { type: "string" }, port: { type: "string", default: "3190" }, "no-browser": { type: "boolean" }, json: { type: "boolean" } } });
const kb = (bytes) => Math.round((bytes / 1024) * 10) / 10;
const gz = (buffer) => gzipSync(buffer, { level: 6 }).length;

export async function measureFirstLoad(url) {
  const html = await (await fetch(`${url}/`)).text();
  const tags = [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"[^>]*>/g)];
  const modules = tags.filter(([tag]) => !/\bnomodule\b/i.test(tag)).map(([, src]) => src);
  const polyfills = tags.filter(([tag]) => /\bnomodule\b/i.test(tag)).map(([, src]) => src);
  let raw = 0;
  let gzipped = 0;
  const scripts = [];
  for (const src of [...new Set(modules)]) {
    const body = Buffer.from(await (await fetch(new URL(src, url))).arrayBuffer());
    raw += body.length;
    gzipped += gz(body);
    scripts.push({ src, gzKB: kb(gz(body)) });
  }
  return {
    firstLoadJsGzKB: kb(gzipped),
    firstLoadJsRawKB: kb(raw),
    scripts,
    skippedNoModule: polyfills,
    htmlKB: kb(Buffer.byteLength(html)),
    htmlGzKB: kb(gz(Buffer.from(html))),
    listRowsInHtml: (html.match(/data-asset-id="/g) ?? []).length,
  };
}

export async function measureInBrowser(url) {
  const { chromium } = await import("@playwright/test");
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.route(/tile\.|tiles\./, (route) => route.fulfill({ status: 204, body: "" }));
    const bytes = { script: 0, fetch: 0, document: 0, stylesheet: 0, other: 0 };
    const finished = [];
    page.on("requestfinished", (request) => finished.push(request));
    await page.goto(`${url}/`);
    await page.getByTestId("connection-state").getByText("Live").waitFor();
    // On a phone the map loads when scrolled to; count it too.
    await page.locator("#map").scrollIntoViewIfNeeded();
    await page.locator(".leaflet-marker-icon").first().waitFor({ timeout: 60_000 });
    await page.waitForLoadState("networkidle");
    for (const request of finished) {
      const type = request.resourceType();
      const { responseBodySize } = await request.sizes();
      bytes[type in bytes ? type : type === "xhr" ? "fetch" : "other"] += responseBodySize;
    }
    return Object.fromEntries(Object.entries(bytes).map(([k, v]) => [`${k}KB`, kb(v)]));
  } finally {
    await browser.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const server = values.url ? null : await startDemoServer({ port: Number(values.port) });
  const url = values.url ?? server.url;
  try {
    const firstLoad = await measureFirstLoad(url);
    const wire = values["no-browser"] ? null : await measureInBrowser(url);
    const result = { url, budgetKB: BUDGET_KB, ...firstLoad, transferredUntilLiveWithMap: wire };
    if (values.json) console.log(JSON.stringify(result, null, 2));
    else {
      console.log(`First-load JS: ${firstLoad.firstLoadJsGzKB} KB gzipped (${firstLoad.firstLoadJsRawKB} KB raw, ${firstLoad.scripts.length} module scripts; budget ${BUDGET_KB} KB)`);
      for (const s of firstLoad.scripts) console.log(`  ${s.gzKB.toString().padStart(6)} KB  ${s.src}`);
      console.log(`Skipped noModule polyfills: ${firstLoad.skippedNoModule.length}`);
      console.log(`HTML: ${firstLoad.htmlKB} KB (${firstLoad.htmlGzKB} KB gzipped), list rows in it: ${firstLoad.listRowsInHtml}`);
      if (wire) console.log(`Transferred until live with the map drawn (phone size, encoded bytes):`, wire);
    }
    if (firstLoad.firstLoadJsGzKB > BUDGET_KB) process.exitCode = 1;
  } finally {
    await server?.stop();
  }
}
