import { expect, test } from "./fixtures";

test("filters, search and the open asset live in the URL, and the back button walks through them", async ({ page, api }) => {
  const school = await api.assetAt("schools", 40);
  await page.goto("/");
  await expect(page.getByTestId("connection-state")).toContainText("Live");
  const list = page.getByTestId("asset-list");

  await page.getByRole("checkbox", { name: "Only disruptions and closures" }).check();
  await expect(page).toHaveURL(/\?only=disrupted$/);
  await expect(page.getByRole("heading", { name: "Disruptions and closures" })).toBeVisible();
  await page.getByLabel("Sort by").selectOption("changed");
  await expect(page).toHaveURL(/\?only=disrupted&sort=changed$/);

  await page.goBack();
  await expect(page).toHaveURL(/\?only=disrupted$/);
  await expect(page.getByLabel("Sort by")).toHaveValue("name");
  await page.goBack();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("checkbox", { name: "Only disruptions and closures" })).not.toBeChecked();
  await expect(page.getByRole("heading", { name: "All statuses" })).toBeVisible();

  // Typing searches after a pause, replacing the URL rather than stacking an entry per letter.
  await page.getByLabel("Find a school, road, street or postcode").pressSequentially(school.properties.name.split(" ")[0]!, { delay: 40 });
  await expect(page).toHaveURL(/\?q=/);
  await expect(list.locator(`[data-asset-id="${school.id}"]`)).toBeVisible();

  // Opening an asset adds ?asset=; back closes it, forward opens it again.
  await list.locator(`[data-asset-id="${school.id}"]`).getByRole("button", { name: /Show on map/ }).click();
  await expect(page).toHaveURL(new RegExp(`asset=${school.id}`));
  await expect(page.getByTestId("map-popup")).toContainText(school.properties.name);
  await page.goBack();
  await expect(page).not.toHaveURL(/asset=/);
  await expect(page.getByTestId("map-popup")).toHaveCount(0);
  await page.goForward();
  await expect(page.getByTestId("map-popup")).toContainText(school.properties.name);
});

test("a shared link opens with the same layers, filter, search and asset", async ({ page, api }) => {
  const route = await api.assetAt("gritting", 7);
  const word = route.properties.name.split(":")[0]!;
  await page.goto(`/?layer=gritting&q=${encodeURIComponent(word)}&asset=${route.id}`);
  await expect(page.getByRole("checkbox", { name: "Gritting routes" })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: "Schools" })).not.toBeChecked();
  await expect(page.getByLabel("Find a school, road, street or postcode")).toHaveValue(word);
  await expect(page.getByTestId("asset-list").locator(`[data-asset-id="${route.id}"]`)).toBeVisible();
  await expect(page.getByTestId("map-popup")).toContainText(route.properties.name);
});
