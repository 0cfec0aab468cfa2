// Screenshots of the resident page with the demo council (closures, gritting, a notice) at phone
// and desktop size, for the README and for looking at before calling a change done.
//
//   node scripts/screenshots.mjs [--out docs] [--url http://127.0.0.1:3000] [--port 3191]
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { startDemoServer } from "./start-demo-server.mjs";

const { values } = parseArgs({ options: { out: { type: "string", default: "docs" }, url: { type: "string" }, port: { type: "string", default: "3191" }, path: { type: "string", default: "/" } } });
const { chromium } = await import("@playwright/test");
const server = values.url ? null : await startDemoServer({ port: Number(values.port) });
const url = values.url ?? server.url;
mkdirSync(values.out, { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});
try {
  for (const [name, viewport, fullPage] of [
    ["screenshot-home", { width: 1280, height: 900 }, false],
    ["screenshot-phone", { width: 390, height: 844 }, false],
    ["screenshot-phone-full", { width: 390, height: 844 }, true],
  ]) {
    const page = await browser.newPage({ viewport, deviceScaleFactor: 1 });
    await page.route(/tile\.|tiles\./, (route) => route.fulfill({ status: 204, body: "" }));
    await page.goto(`${url}${values.path}`);
    await page.getByTestId("connection-state").getByText("Live").waitFor();
    await page.locator(".leaflet-marker-icon").first().waitFor({ timeout: 20_000 }).catch(() => {});
    await page.waitForLoadState("networkidle");
    const file = join(values.out, `${name}.png`);
    await page.screenshot({ path: file, fullPage });
    console.log(`wrote ${file}`);
    await page.close();
  }
} finally {
  await browser.close();
  await server?.stop();
}
