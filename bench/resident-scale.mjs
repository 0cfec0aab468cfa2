// Scale benchmark of the resident page (issue 3): 2,000 schools, 300 gritting routes of 200
// vertices and 600 bin rounds. Loads them into a fresh SQLite database, starts the production
// server, and measures:
//   - server: HTML size and time to render the home page (median of 10), payload sizes of the
//     map's data (/statuses, /geometry) against the full GeoJSON (/assets);
//   - Chromium, phone viewport with 4x CPU slowdown: first paint, largest paint, time until the
//     page is live (socket resumed) and until the map has drawn, long tasks on the way;
//   - pan and zoom on the map (keyboard): frame gaps and long tasks;
//   - typing in the list search: input-to-paint latency (Event Timing) per key, and how long
//     until the searched list shows.
//
//   node bench/resident-scale.mjs [--port 3192] [--cpu 4] [--json]
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import { startDemoServer } from "../scripts/start-demo-server.mjs";

const { values } = parseArgs({ options: { port: { type: "string", default: "3192" }, cpu: { type: "string", default: "4" }, json: { type: "boolean" } } });
const kb = (n) => Math.round(n / 102.4) / 10;
const ms = (n) => Math.round(n);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];

const dataDir = mkdtempSync(join(tmpdir(), "snowline-scale-"));
const load = spawnSync(process.execPath, ["--import", "tsx", "bench/load-scale-council.ts", dataDir], { stdio: "inherit" });
if (load.status !== 0) process.exit(load.status ?? 1);
const server = await startDemoServer({ port: Number(values.port), dataDir });
const result = {};

try {
  const { url } = server;
  // Server side.
  const renders = [];
  let html = "";
  for (let i = 0; i < 10; i++) {
    const started = performance.now();
    html = await (await fetch(`${url}/`)).text();
    renders.push(performance.now() - started);
  }
  result.server = {
    homeHtmlKB: kb(Buffer.byteLength(html)),
    homeHtmlGzKB: kb(gzipSync(html).length),
    listRowsInHtml: (html.match(/data-asset-id="/g) ?? []).length,
    homeRenderMsMedian: ms(median(renders)),
    homeRenderMsMax: ms(Math.max(...renders)),
  };
  for (const [name, path] of [["statuses", "/api/v1/statuses"], ["geometry", "/api/v1/geometry"], ["fullAssets", "/api/v1/assets"]]) {
    const started = performance.now();
    const body = Buffer.from(await (await fetch(`${url}${path}`, { headers: { "accept-encoding": "identity" } })).arrayBuffer());
    result.server[`${name}KB`] = kb(body.length);
    result.server[`${name}GzKB`] = kb(gzipSync(body).length);
    result.server[`${name}Ms`] = ms(performance.now() - started);
  }

  // Browser side.
  const { chromium } = await import("@playwright/test");
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: Number(values.cpu) });
    await cdp.send("Performance.enable");
    // Main-thread CPU time (seconds in CDP): less swayed than wall time when the machine is busy.
    const cpuMs = async () => {
      const { metrics } = await cdp.send("Performance.getMetrics");
      const get = (name) => (metrics.find((m) => m.name === name)?.value ?? 0) * 1000;
      return { task: get("TaskDuration"), script: get("ScriptDuration"), layout: get("LayoutDuration") + get("RecalcStyleDuration") };
    };
    const cpuSince = async (before) => {
      const after = await cpuMs();
      return { mainThreadMs: ms(after.task - before.task), scriptMs: ms(after.script - before.script), layoutAndStyleMs: ms(after.layout - before.layout) };
    };
    const cpuAtStart = await cpuMs();
    await page.route(/tile\.|tiles\./, (route) => route.fulfill({ status: 204, body: "" }));
    await page.addInitScript(() => {
      const w = window;
      w.__longTasks = [];
      w.__events = [];
      w.__lcp = 0;
      new PerformanceObserver((list) => list.getEntries().forEach((e) => w.__longTasks.push({ start: e.startTime, duration: e.duration }))).observe({ type: "longtask", buffered: true });
      new PerformanceObserver((list) => list.getEntries().forEach((e) => (w.__lcp = e.startTime))).observe({ type: "largest-contentful-paint", buffered: true });
      new PerformanceObserver((list) => list.getEntries().forEach((e) => w.__events.push({ name: e.name, duration: e.duration, start: e.startTime }))).observe({ type: "event", durationThreshold: 16, buffered: true });
    });
    const bytes = { script: 0, fetch: 0, document: 0 };
    page.on("requestfinished", async (request) => {
      const type = request.resourceType() === "xhr" ? "fetch" : request.resourceType();
      if (type in bytes) bytes[type] += (await request.sizes()).responseBodySize;
    });
    const started = Date.now();
    await page.goto(`${url}/`);
    await page.getByTestId("connection-state").getByText("Live").waitFor({ timeout: 120_000 });
    const liveAt = Date.now() - started;
    await page.locator("#map").scrollIntoViewIfNeeded();
    await page.locator(".leaflet-marker-icon").first().waitFor({ timeout: 120_000 });
    await page.waitForLoadState("networkidle");
    const mapAt = Date.now() - started;
    const timing = await page.evaluate(() => {
      const nav = performance.getEntriesByType("navigation")[0];
      const fcp = performance.getEntriesByName("first-contentful-paint")[0];
      const w = window;
      return {
        ttfb: nav.responseStart,
        domContentLoaded: nav.domContentLoadedEventEnd,
        load: nav.loadEventEnd,
        fcp: fcp?.startTime ?? null,
        lcp: w.__lcp,
        longTasks: w.__longTasks,
        markers: document.querySelectorAll(".leaflet-marker-icon").length,
      };
    });
    const blocking = timing.longTasks.reduce((sum, t) => sum + Math.max(0, t.duration - 50), 0);
    result.browser = {
      cpuSlowdown: Number(values.cpu),
      ttfbMs: ms(timing.ttfb),
      firstContentfulPaintMs: ms(timing.fcp),
      largestContentfulPaintMs: ms(timing.lcp),
      domContentLoadedMs: ms(timing.domContentLoaded),
      liveMs: liveAt,
      mapDrawnMs: mapAt,
      longTasksUntilMapDrawn: timing.longTasks.length,
      longestTaskMs: ms(Math.max(0, ...timing.longTasks.map((t) => t.duration))),
      blockingTimeUntilMapDrawnMs: ms(blocking),
      markersOnScreen: timing.markers,
      cpuUntilMapDrawn: await cpuSince(cpuAtStart),
      transferredKB: Object.fromEntries(Object.entries(bytes).map(([k, v]) => [k, kb(v)])),
    };

    // Pan and zoom with the keyboard (Leaflet animates both) while recording frame gaps.
    const interaction = async (name, act) => {
      await page.evaluate(() => {
        const w = window;
        w.__frames = [];
        w.__longTasks = [];
        let last = performance.now();
        w.__recording = true;
        const tick = (now) => {
          w.__frames.push(now - last);
          last = now;
          if (w.__recording) requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      });
      const before = await cpuMs();
      await act();
      await page.waitForTimeout(800);
      const cpu = await cpuSince(before);
      const stats = await page.evaluate(() => {
        const w = window;
        w.__recording = false;
        return { frames: w.__frames.slice(1), longTasks: w.__longTasks };
      });
      result[name] = {
        frames: stats.frames.length,
        frameGapP95Ms: ms(pct(stats.frames, 0.95)),
        frameGapMaxMs: ms(Math.max(...stats.frames)),
        longTasks: stats.longTasks.length,
        longestTaskMs: ms(Math.max(0, ...stats.longTasks.map((t) => t.duration))),
        cpu,
      };
    };
    await page.locator(".leaflet-container").focus();
    await interaction("panZoom", async () => {
      for (const key of ["+", "ArrowRight", "ArrowRight", "ArrowDown", "+", "ArrowLeft", "-", "ArrowUp", "-"]) {
        await page.keyboard.press(key);
        await page.waitForTimeout(250);
      }
    });

    // Type in the search box like a resident (120 ms between keys).
    const search = page.getByLabel("Find a school, road, street or postcode");
    await search.scrollIntoViewIfNeeded();
    await search.focus();
    await page.evaluate(() => (window.__events = []));
    const word = "Primary";
    const typingStarted = Date.now();
    await interaction("searchTyping", async () => {
      await search.pressSequentially(word, { delay: 120 });
    });
    await page.waitForURL(/q=Primary/, { timeout: 60_000 });
    await page.getByTestId("asset-list").getByText(/places? match/).waitFor({ timeout: 60_000 });
    const events = await page.evaluate(() => window.__events.filter((e) => ["keydown", "keypress", "keyup", "input", "beforeinput"].includes(e.name)));
    result.searchTyping.keys = word.length;
    result.searchTyping.inputToPaintMaxMs = ms(Math.max(0, ...events.map((e) => e.duration)));
    result.searchTyping.inputToPaintEventsOver16Ms = events.length;
    result.searchTyping.resultsShownAfterFirstKeyMs = Date.now() - typingStarted;
  } finally {
    await browser.close();
  }
} finally {
  await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
}

if (values.json) console.log(JSON.stringify(result, null, 2));
else for (const [section, numbers] of Object.entries(result)) console.log(section, numbers);
