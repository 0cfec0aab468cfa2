import { expect, test } from "./fixtures";

test("starred places are pinned at the top, kept in the browser, and their changes announced", async ({ page, api }) => {
  const route = await api.assetAt("gritting", 14);
  const school = await api.assetAt("schools", 50);
  await page.goto("/?layer=schools");
  await expect(page.getByTestId("connection-state")).toContainText("Live");
  await expect(page.getByTestId("my-places")).toHaveCount(0);

  await page.getByTestId("asset-list").locator(`[data-asset-id="${school.id}"]`).getByRole("button", { name: `Star: ${school.properties.name}` }).click();
  const places = page.getByTestId("my-places");
  await expect(places).toContainText(school.properties.name);

  // A place outside the current list (a gritting route, schools shown) is starred from its page.
  await page.goto(`/assets/${route.id}`);
  await page.getByRole("button", { name: `Star: ${route.properties.name}` }).click();
  await page.goto("/?layer=schools");
  await expect(places.locator("[data-asset-id]")).toHaveCount(2);
  await expect(places).toContainText(route.properties.name);
  // Pinned above the search form and the list.
  const placesBox = (await places.boundingBox())!;
  const listBox = (await page.getByTestId("asset-list").boundingBox())!;
  expect(placesBox.y).toBeLessThan(listBox.y);
  await expect(page.getByTestId("connection-state")).toContainText("Live");

  // A change to a starred place that is not in the list is shown and announced with its message.
  await api.postChanges([{ assetId: route.id, status: { code: "in_progress", message: "Gritters out now" } }]);
  await expect(places.locator(`[data-asset-id="${route.id}"]`)).toContainText("Gritting in progress");
  await expect(page.getByTestId("announcer")).toHaveText(`Updated: Your place ${route.properties.name} is now Gritting in progress. Gritters out now`);

  // Unstarring removes it.
  await places.getByRole("button", { name: `Starred: ${route.properties.name}` }).click();
  await expect(places.locator("[data-asset-id]")).toHaveCount(1);
});
