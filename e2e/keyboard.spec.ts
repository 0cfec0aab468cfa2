import { expect, test } from "./fixtures";

test("the main flows work by keyboard alone: search, filter, show on map, close, star", async ({ page, api }) => {
  const round = await api.assetAt("bins", 5);
  const street = (await (await page.request.get(`/api/v1/assets/${round.id}`)).json()).properties.attributes.streets[0] as string;
  await page.goto("/");
  await expect(page.getByTestId("connection-state")).toContainText("Live");

  // Skip link, then Tab into the search box.
  await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  const search = page.getByLabel("Find a school, road, street or postcode");
  for (let i = 0; i < 12 && !(await search.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press("Tab");
  await expect(search).toBeFocused();
  await page.keyboard.type(street);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`q=${encodeURIComponent(street).replace(/%20/g, "\\+")}`));
  const row = page.getByTestId("asset-list").locator(`[data-asset-id="${round.id}"]`);
  await expect(row).toContainText(`Street: ${street}`);

  // The search button and the filters follow in tab order.
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Search" })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(page.getByRole("checkbox", { name: "Schools" })).toBeFocused();
  await page.keyboard.press("Space");
  await expect(page).toHaveURL(/layer=gritting&layer=bins/);
  await expect(page.getByRole("checkbox", { name: "Schools" })).not.toBeChecked();
  await expect(page.getByRole("checkbox", { name: "Schools" })).toBeFocused();

  // Show on map: focus moves into the popup; Escape closes it and returns focus.
  const show = row.getByRole("button", { name: `Show on map: ${round.properties.name}` });
  await show.focus();
  await page.keyboard.press("Enter");
  const popup = page.getByTestId("map-popup");
  await expect(popup.getByRole("heading", { name: round.properties.name })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(popup.getByRole("link", { name: /Details and history/ })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(popup).toHaveCount(0);
  await expect(show).toBeFocused();

  // Star it: My places appears above the list with the round in it.
  const star = row.getByRole("button", { name: `Star: ${round.properties.name}` });
  await star.focus();
  await page.keyboard.press("Space");
  await expect(row.getByRole("button", { name: `Starred: ${round.properties.name}` })).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByTestId("my-places")).toContainText(round.properties.name);
});
