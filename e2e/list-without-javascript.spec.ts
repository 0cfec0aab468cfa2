import { expect, test } from "./fixtures";

test.use({ javaScriptEnabled: false });

test("the first HTML holds the real statuses, and search, filter and sort work as a plain form", async ({ page, api }) => {
  const school = await api.assetAt("schools", 30);
  await api.postChanges([{ assetId: school.id, status: { code: "closed", message: "Closed: no heating" } }]);
  const round = await api.assetAt("bins", 7);
  const { properties } = await (await page.request.get(`/api/v1/assets/${round.id}`)).json();
  const postcode = properties.attributes.postcodes[0] as string;

  await page.goto("/?layer=schools");
  const list = page.getByTestId("asset-list");
  const row = list.locator(`[data-asset-id="${school.id}"]`);
  await expect(row).toHaveAttribute("data-status", "closed");
  await expect(row).toContainText("Closed: no heating");
  await expect(page.getByTestId("summary")).toContainText(/\d+ schools? closed/);
  await expect(page.getByText("The map needs JavaScript. The list shows every status.")).toBeVisible();
  // No JavaScript, so no buttons that would need it.
  await expect(list.getByRole("button")).toHaveCount(0);

  // Search by postcode without its space, through the form (all layers again).
  for (const layer of ["Gritting routes", "Bin collections"]) await page.getByRole("checkbox", { name: layer }).check();
  await page.getByLabel("Find a school, road, street or postcode").fill(postcode.replace(" ", "").toLowerCase());
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/q=/);
  await expect(list.locator(`[data-asset-id="${round.id}"]`)).toContainText(`Postcode: ${postcode}`);

  // Only disruptions, sorted by last change, schools only.
  await page.getByLabel("Find a school, road, street or postcode").fill("");
  await page.getByRole("checkbox", { name: "Only disruptions and closures" }).check();
  await page.getByRole("checkbox", { name: "Gritting routes" }).uncheck();
  await page.getByRole("checkbox", { name: "Bin collections" }).uncheck();
  await page.getByLabel("Sort by").selectOption("changed");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByRole("heading", { name: "Disruptions and closures" })).toBeVisible();
  const statuses = await list.locator("[data-asset-id]").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-status")));
  expect(statuses.length).toBeGreaterThan(0);
  expect(statuses).not.toContain("open");
  await expect(list.locator("[data-asset-id]").first()).toHaveAttribute("data-asset-id", school.id);
  await expect(list.locator('[data-layer="gritting"], [data-layer="bins"]')).toHaveCount(0);
});

test("a stale or hand-typed link still shows the list instead of an error", async ({ page }) => {
  const res = await page.goto("/?layer=schools&page=99&sort=sideways&only=maybe");
  expect(res?.status()).toBe(200);
  await expect(page.getByTestId("asset-list").locator("[data-asset-id]")).toHaveCount(60);
  await expect(page.getByLabel("Sort by")).toHaveValue("name");
});

test("the overview shows the first rows of each layer and links to all of them", async ({ page }) => {
  await page.goto("/");
  const schools = page.getByTestId("asset-list").locator('[data-layer="schools"]');
  await expect(schools.locator("[data-asset-id]")).toHaveCount(20);
  await expect(schools).toContainText("Showing the first 20 of 60 schools.");
  await schools.getByRole("link", { name: "See all 60 schools" }).click();
  await expect(page).toHaveURL(/\?layer=schools$/);
  await expect(page.getByTestId("asset-list").locator("[data-asset-id]")).toHaveCount(60);
});
