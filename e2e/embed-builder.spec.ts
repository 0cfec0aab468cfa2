import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "./fixtures";

test("a journalist builds a widget with the keyboard, sees it live and copies the script tag", async ({ page, context, baseURL }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseURL });
  await page.goto("/embed/builder");
  await expect(page.getByRole("heading", { level: 1, name: "Embed the live status on your site" })).toBeVisible();

  // Keyboard only: add bin collections, choose the summary view and the dark theme.
  await page.getByRole("checkbox", { name: "Bin collections" }).focus();
  await page.keyboard.press("Space");
  await page.getByRole("radio", { name: "Summary (counts per service)" }).focus();
  await page.keyboard.press("Space");
  await page.getByRole("radio", { name: "Dark" }).focus();
  await page.keyboard.press("Space");

  const script = page.getByLabel(/^Script tag/);
  await expect(script).toHaveValue(`<script src="${baseURL}/embed.js" data-layers="schools,bins" data-view="summary" data-theme="dark" async></script>`);
  const preview = page.frameLocator('iframe[title="Preview of the widget"]');
  await expect(preview.getByRole("heading", { level: 2, name: "Bin collections" })).toBeVisible();
  await expect(preview.locator("main")).toHaveClass(/snw--dark/);

  // Narrow it to one school found by name.
  await page.getByRole("radio", { name: "List of places" }).check();
  const { features } = await (await page.request.get("/api/v1/assets?layer=schools")).json();
  const school = features[0];
  await page.getByLabel("Find a place by name").fill(school.properties.name.slice(0, 12));
  await page.getByRole("button", { name: `Add ${school.properties.name}` }).first().press("Enter");
  await expect(page.getByRole("list", { name: "Places in the widget" })).toContainText(school.properties.name);
  await expect(script).toHaveValue(new RegExp(`data-ids="${school.id}"`));
  await expect(preview.getByRole("heading", { level: 1, name: school.properties.name })).toBeVisible();

  await page.getByRole("button", { name: "Copy the script tag" }).press("Enter");
  await expect(page.getByRole("status")).toHaveText("Copied the script tag.");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await script.inputValue());
  await page.getByRole("button", { name: "Copy the iframe" }).click();
  await expect(page.getByRole("status")).toHaveText("Copied the iframe.");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/^<iframe src="http:\/\/127\.0\.0\.1:\d+\/embed\?layers=schools,bins&amp;ids=school-\d+&amp;theme=dark" title=/);

  const axe = await new AxeBuilder({ page }).exclude("iframe").analyze();
  expect(axe.violations).toEqual([]);
});

test("the developers page documents every feed and the API, with the licence", async ({ page }) => {
  await page.goto("/developers");
  await expect(page.getByRole("heading", { level: 1, name: "Open data and developers" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Open Government Licence v3.0" })).toHaveAttribute("href", /open-government-licence\/version\/3/);
  for (const path of ["/api/v1/assets.csv", "/api/v1/assets.geojson", "/feeds/changes.atom", "/feeds/alerts.cap", "/feeds/alerts.atom", "/oembed"]) {
    await expect(page.locator("table").first()).toContainText(path);
  }
  await expect(page.getByRole("link", { name: "/api/v1/openapi.json" })).toBeVisible();
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations).toEqual([]);
});

test("the home page advertises oEmbed, and its share card follows the data", async ({ page, request, api }) => {
  await page.goto("/");
  const discovery = page.locator('link[rel="alternate"][type="application/json+oembed"]');
  const href = await discovery.getAttribute("href");
  expect(href).toMatch(/\/oembed\?url=http/);
  const oembed = await (await request.get(href!)).json();
  expect(oembed).toMatchObject({ version: "1.0", type: "rich", provider_name: expect.any(String) });
  expect(oembed.html).toMatch(/^<iframe src="http:\/\/127\.0\.0\.1:\d+\/embed\?view=summary" title="Live winter service status"/);

  const card = await page.locator('meta[property="og:image"]').getAttribute("content");
  expect(card).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/opengraph-image/);
  const first = await request.get(card!);
  expect(first.status()).toBe(200);
  expect(first.headers()["content-type"]).toBe("image/png");
  const etag = first.headers()["etag"]!;
  expect((await request.get(card!, { headers: { "if-none-match": etag } })).status()).toBe(304);

  const { features } = await api.assets("schools");
  const school = features.find((f) => f.properties.status.code === "open")!;
  const assetCard = await request.get(`/assets/${school.id}/opengraph-image`);
  expect(assetCard.headers()["content-type"]).toBe("image/png");
  await api.postChanges([{ assetId: school.id, status: { code: "closed", message: "Snow" } }]);
  const after = await request.get(card!, { headers: { "if-none-match": etag } });
  expect(after.status()).toBe(200);
  const assetAfter = await request.get(`/assets/${school.id}/opengraph-image`, { headers: { "if-none-match": assetCard.headers()["etag"]! } });
  expect(assetAfter.status()).toBe(200);
  expect(Buffer.compare(await assetAfter.body(), await assetCard.body())).not.toBe(0);
  await api.postChanges([{ assetId: school.id, status: { code: "open" } }]);
});
