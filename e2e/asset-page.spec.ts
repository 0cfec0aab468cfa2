import { expect, test } from "./fixtures";

test("an asset page is server-rendered and shareable, with its status, history and a preview card", async ({ page, api }) => {
  const round = await api.assetAt("bins", 11);
  await api.postChanges([{ assetId: round.id, status: { code: "delayed", message: "Running a day late: icy roads" } }]);
  await api.postChanges([{ assetId: round.id, status: { code: "missed", message: "Missed today; we will come tomorrow" } }]);

  // What a link preview bot gets: the live status in the title and description, in the <head>.
  const res = await page.request.get(`/assets/${round.id}`, { headers: { "user-agent": "Twitterbot/1.0" } });
  expect(res.status()).toBe(200);
  const html = await res.text();
  const head = html.slice(0, html.indexOf("</head>"));
  const meta = (attr: string, key: string) => head.match(new RegExp(`<meta ${attr}="${key}" content="([^"]*)"`))?.[1];
  expect(meta("property", "og:title")).toBe(`${round.properties.name}: Missed`);
  expect(meta("property", "og:description")).toMatch(/^Missed today; we will come tomorrow Updated /);
  expect(meta("name", "twitter:card")).toBe("summary");
  expect(meta("name", "twitter:title")).toBe(`${round.properties.name}: Missed`);
  expect(meta("property", "og:url")).toMatch(new RegExp(`/assets/${round.id}$`));
  expect(head).toContain(`<title>${round.properties.name}: Missed`);

  await page.goto(`/assets/${round.id}`);
  await expect(page.getByRole("heading", { level: 1, name: round.properties.name })).toBeVisible();
  const status = page.getByTestId("asset-status");
  await expect(status).toContainText("Missed");
  await expect(status).toContainText("Missed today; we will come tomorrow");
  const history = page.getByRole("region", { name: "Recent changes" }).getByRole("listitem");
  await expect(history.first()).toContainText("Missed");
  await expect(history.nth(1)).toContainText("Running a day late: icy roads");

  // It stays live too.
  await expect(status).toContainText("Live");
  await api.postChanges([{ assetId: round.id, status: { code: "normal", message: "" } }]);
  await expect(status.locator(".status-badge")).toHaveText(/Normal service/);
});

test("an unknown asset gets a helpful 404", async ({ page }) => {
  const res = await page.goto("/assets/no-such-place");
  expect(res?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "We could not find that place" })).toBeVisible();
});
