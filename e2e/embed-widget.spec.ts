import type { Frame, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { startOtherOrigin } from "./support/other-origin";

let other: Awaited<ReturnType<typeof startOtherOrigin>>;

test.beforeAll(async ({ baseURL }) => {
  const snowline = baseURL!;
  other = await startOtherOrigin({
    "/plain.html": `<!doctype html><html lang="en"><head><title>Plain</title></head><body><h1>Local news</h1></body></html>`,
    "/news.html": `<!doctype html><html lang="en"><head><title>Snow day live</title></head><body>
      <h1>Snow day live</h1>
      <p id="before">Which schools are closed?</p>
      <script src="${snowline}/embed.js" data-layers="schools" data-view="list" data-only="disrupted" data-limit="100" async></script>
      <p id="between">And the roads:</p>
      <script src="${snowline}/embed.js" data-layers="gritting" data-view="summary" data-theme="dark" async></script>
      <p id="after">More news below.</p>
    </body></html>`,
    "/frames.html": `<!doctype html><html lang="en"><head><title>Framing</title></head><body>
      <iframe id="home" title="home" src="${snowline}/" width="600" height="300"></iframe>
      <iframe id="developers" title="developers" src="${snowline}/developers" width="600" height="300"></iframe>
      <iframe id="widget" title="widget" src="${snowline}/embed?layers=schools" width="600" height="300"></iframe>
    </body></html>`,
  });
});

test.afterAll(async () => other?.close());

async function frameOf(page: Page, selector: string): Promise<Frame> {
  const frame = await page.locator(selector).elementHandle().then((handle) => handle!.contentFrame());
  expect(frame).not.toBeNull();
  return frame!;
}

/** The iframe's height on the page and its content's height inside the frame. */
async function heights(page: Page, index: number, frame: Frame) {
  const outer = await page.locator("iframe").nth(index).evaluate((el) => el.getBoundingClientRect().height);
  const inner = await frame.evaluate(() => document.body.getBoundingClientRect().height);
  return { outer, inner };
}

test("a newspaper on another origin embeds the live widget by script tag; a change shows in it, pushed, and the iframe grows", async ({ page, api }) => {
  const baseline = await page.goto(`${other.origin}/plain.html`).then(() => page.evaluate(() => Object.keys(window)));
  await page.goto(`${other.origin}/news.html`);

  const frames = page.locator("iframe");
  await expect(frames).toHaveCount(2);
  // Each iframe stands where its script tag is.
  await expect(page.locator("#before + script + iframe")).toHaveCount(1);
  await expect(page.locator("#between + script + iframe")).toHaveCount(1);
  await expect(frames.first()).toHaveAttribute("src", /\/embed\?layers=schools&view=list&only=disrupted&limit=100$/);
  await expect(frames.nth(1)).toHaveAttribute("title", "Live winter service status");

  const list = await frameOf(page, "iframe >> nth=0");
  const summary = await frameOf(page, "iframe >> nth=1");
  await expect(list.getByRole("heading", { name: "Schools: disruptions" })).toBeVisible();
  await expect(summary.getByRole("heading", { level: 1, name: "Gritting routes" })).toBeVisible();
  await expect(list.getByText(/^Updated \d\d:\d\d$/)).toBeVisible();
  await expect(list.getByRole("link", { name: "See the full map" })).toHaveAttribute("href", /\/$/);

  // Heights follow the content (the widget reports, embed.js applies).
  await expect.poll(async () => { const h = await heights(page, 0, list); return Math.abs(h.outer - h.inner); }).toBeLessThanOrEqual(1);
  const before = await heights(page, 0, list);
  const summaryBefore = await heights(page, 1, summary);

  const { features } = await api.assets("schools");
  const open = features.filter((f) => f.properties.status.code === "open").slice(0, 3);
  expect(open).toHaveLength(3);
  const message = `<script>&"' Closed: boiler failed in the snow`;
  const posted = Date.now();
  await api.postChanges(open.map((school) => ({ assetId: school.id, status: { code: "closed", message } })));
  for (const school of open) {
    await expect(list.locator(`[data-asset-id="${school.id}"]`)).toContainText("Closed");
  }
  test.info().annotations.push({ type: "latency", description: `post to embedded list: ${Date.now() - posted} ms` });
  // Officer text stays text inside the widget.
  await expect(list.locator(`[data-asset-id="${open[0]!.id}"]`)).toContainText(message);
  await expect(list.locator(`[data-asset-id="${open[0]!.id}"] script`)).toHaveCount(0);

  await expect.poll(async () => (await heights(page, 0, list)).outer).toBeGreaterThan(before.outer + 40);
  await expect.poll(async () => { const h = await heights(page, 0, list); return Math.abs(h.outer - h.inner); }).toBeLessThanOrEqual(1);
  // The other widget follows only its own layer and keeps its own height.
  expect(await heights(page, 1, summary)).toEqual(summaryBefore);

  // No globals leak onto the newspaper's page.
  const after = await page.evaluate(() => Object.keys(window));
  expect(after.filter((key) => !baseline.includes(key) && !/^\d+$/.test(key))).toEqual([]);

  await api.postChanges(open.map((school) => ({ assetId: school.id, status: { code: "open" } })));
});

test("the widget resumes after losing its connection and catches up with what it missed", async ({ page, context, api }) => {
  await page.goto(`${other.origin}/news.html`);
  const list = await frameOf(page, "iframe >> nth=0");
  await expect(list.getByRole("heading", { name: "Schools: disruptions" })).toBeVisible();
  await expect(list.getByTestId("embed-connection")).toHaveText("Live");

  const { features } = await api.assets("schools");
  const school = features.find((f) => f.properties.status.code === "open")!;
  await context.setOffline(true);
  await api.postChanges([{ assetId: school.id, status: { code: "late_opening", message: "Opening at 11" } }]);
  await expect(list.getByTestId("embed-connection")).toHaveText("Reconnecting…", { timeout: 15_000 });
  await context.setOffline(false);
  await expect(list.locator(`[data-asset-id="${school.id}"]`)).toContainText("Opening late", { timeout: 15_000 });
  await api.postChanges([{ assetId: school.id, status: { code: "open" } }]);
  await expect(list.locator(`[data-asset-id="${school.id}"]`)).toHaveCount(0);
});

test("other sites may frame the widget but no other Snowline page", async ({ page }) => {
  const refusals: string[] = [];
  page.on("console", (msg) => {
    if (/frame-ancestors|Refused to (display|frame)/i.test(msg.text())) refusals.push(msg.text());
  });
  await page.goto(`${other.origin}/frames.html`);

  const widget = await frameOf(page, "#widget");
  await expect(widget.getByRole("heading", { name: "Schools" })).toBeVisible();

  for (const id of ["home", "developers"]) {
    const frame = await frameOf(page, `#${id}`);
    // Chromium replaces a frame it refuses to show with its own error page.
    await expect.poll(() => frame.url()).toMatch(/^chrome-error:/);
    await expect(frame.locator("body")).not.toContainText(/Snowline|Winter service|developers/i);
  }
  expect(refusals.length).toBeGreaterThanOrEqual(2);
});
