// Lighthouse (mobile preset: Moto G-class screen, simulated slow 4G and 4x CPU) on the
// production build of the resident home page, with the demo council. Not part of `npm test`.
//
//   node scripts/lighthouse.mjs [--url http://127.0.0.1:3000/] [--port 3194] [--out report.json] [--runs 1]
//
// Without --url it starts a demo server whose map tiles are a blank inline image, because this
// machine has no internet: real tile requests would only log network errors.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { startDemoServer } from "./start-demo-server.mjs";

const BLANK_TILE = "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' width='256' height='256'/%3E";
const { values } = parseArgs({ options: { url: { type: "string" }, port: { type: "string", default: "3194" }, out: { type: "string" }, runs: { type: "string", default: "1" }, path: { type: "string", default: "/" } } });
const server = values.url ? null : await startDemoServer({ port: Number(values.port), env: { SNOWLINE_TILE_URL: BLANK_TILE } });
const url = values.url ?? `${server.url}${values.path}`;
const flags = "--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run";

try {
  // A server that has just started renders its first pages slowly and competes for this
  // machine's two cores; a council's server under a morning's traffic is warm.
  for (let i = 0; i < 3; i++) await (await fetch(url)).text();
  const runs = [];
  for (let i = 0; i < Number(values.runs); i++) {
    const out = values.out && Number(values.runs) === 1 ? values.out : join(mkdtempSync(join(tmpdir(), "snowline-lh-")), "report.json");
    const run = spawnSync("npx", ["lighthouse", url, "--output=json", `--output-path=${out}`, `--chrome-flags=${flags}`, "--quiet"], {
      stdio: ["ignore", "inherit", "inherit"],
      env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH ?? process.env.CHROMIUM_PATH ?? "/usr/bin/chromium" },
    });
    if (run.status !== 0) throw new Error(`lighthouse exited with ${run.status}`);
    const report = JSON.parse(readFileSync(out, "utf8"));
    const score = (id) => Math.round(report.categories[id].score * 100);
    const metric = (id) => report.audits[id].displayValue;
    runs.push({
      performance: score("performance"),
      accessibility: score("accessibility"),
      bestPractices: score("best-practices"),
      seo: score("seo"),
      firstContentfulPaint: metric("first-contentful-paint"),
      largestContentfulPaint: metric("largest-contentful-paint"),
      totalBlockingTime: metric("total-blocking-time"),
      cumulativeLayoutShift: metric("cumulative-layout-shift"),
      speedIndex: metric("speed-index"),
      report: out,
      failing: Object.values(report.audits)
        .filter((a) => a.score !== null && a.score < 0.9 && a.scoreDisplayMode !== "informative" && a.scoreDisplayMode !== "notApplicable")
        .map((a) => `${a.id}: ${a.displayValue ?? a.score}`),
    });
  }
  console.log(JSON.stringify({ url, runs }, null, 2));
} finally {
  await server?.stop();
}
