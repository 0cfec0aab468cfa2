import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import AxeBuilder from "@axe-core/playwright";
import { dataDirOfTest, expect, test } from "./fixtures";

const BUDGET_GZIP_BYTES = 60 * 1024;

for (const view of ["summary", "list"] as const) {
  test(`the ${view} widget has its content in the first response and loads at most 60 KB of JavaScript, no map library`, async ({ page, request, api }) => {
    const path = `/embed?layers=schools,bins&view=${view}`;
    const html = await (await request.get(path)).text();
    const { features } = await api.assets("schools");
    if (view === "list") {
      const disrupted = features.find((f) => f.properties.status.code !== "open")!;
      expect(html).toContain(disrupted.properties.name.replace(/&/g, "&amp;").replace(/'/g, "&#39;"));
    } else {
      expect(html).toMatch(/schools? closed|All \d+ schools open/);
    }
    expect(html).not.toContain("/_next/");

    const scripts: { url: string; gzip: number }[] = [];
    page.on("response", async (response) => {
      if (response.request().resourceType() !== "script") return;
      scripts.push({ url: response.url(), gzip: gzipSync(await response.body()).length });
    });
    await page.goto(path);
    await expect(page.getByTestId("embed-connection")).toHaveText("Live");

    expect(scripts.length).toBeGreaterThan(0);
    expect(scripts.filter((s) => /leaflet|_next|widget-map/i.test(s.url))).toEqual([]);
    const total = scripts.reduce((sum, s) => sum + s.gzip, 0);
    console.log(`${view} widget JavaScript: ${scripts.map((s) => `${new URL(s.url).pathname} ${(s.gzip / 1024).toFixed(1)} KB`).join(", ")} (gzip)`);
    expect(total).toBeLessThanOrEqual(BUDGET_GZIP_BYTES);
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  });
}

test("the map widget loads Leaflet and keeps the list beside the map", async ({ page }) => {
  await page.goto("/embed?layers=bins&view=map&limit=5");
  await expect(page.locator(".leaflet-container")).toBeVisible();
  await expect(page.locator(".snw__item")).toHaveCount(5);
  await expect(page.getByTestId("embed-connection")).toHaveText("Live");
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
});

test("the dark theme keeps its contrast", async ({ page }) => {
  await page.goto("/embed?view=summary&theme=dark");
  await expect(page.getByTestId("embed-connection")).toHaveText("Live");
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
});

test("the map widget shows imported names as text, never as markup", async ({ page }) => {
  const name = `<img src=x onerror="window.__snowlineXss=1"> Marsh Lane School`;
  const file = join(mkdtempSync(join(tmpdir(), "snowline-e2e-")), "hostile.geojson");
  writeFileSync(
    file,
    JSON.stringify({
      type: "FeatureCollection",
      features: [{ type: "Feature", geometry: { type: "Point", coordinates: [-2.33, 53.43] }, properties: { id: "school-hostile", name } }],
    }),
  );
  // An administrator imports a file whose names carry markup, with the real CLI.
  execFileSync(process.execPath, ["bin/snowline.mjs", "import", "schools", file], { env: { ...process.env, SNOWLINE_DATA_DIR: dataDirOfTest() } });
  // The command line tells no running node; each notices the import within a second (its assets' stamp).
  await expect.poll(async () => (await page.request.get("/api/v1/assets?layer=schools")).text(), { timeout: 10_000 }).toContain("school-hostile");

  await page.goto("/embed?view=map&ids=school-hostile");
  await expect(page.getByTestId("embed-connection")).toHaveText("Live");
  await page.locator(".leaflet-interactive").first().hover();
  const tooltip = page.locator(".leaflet-tooltip");
  await expect(tooltip).toHaveText(`${name}: Open`);
  await expect(tooltip.locator("img")).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { __snowlineXss?: number }).__snowlineXss)).toBeUndefined();
});
