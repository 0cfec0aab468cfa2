import { expect, test } from "./fixtures";

test("a change posted with a token shows on the open map within a second, without reload", async ({ page, api }) => {
  const { features } = await api.assets("schools");
  const school = features.find((f) => f.properties.status.code === "open")!;
  await page.goto("/");
  await expect(page.getByTestId("connection-state")).toContainText("Live");
  const marker = page.locator(`.leaflet-marker-icon.asset-${school.id}`);
  await expect(marker).toHaveClass(/status-open/);

  const navigations: string[] = [];
  page.on("framenavigated", (frame) => navigations.push(frame.url()));
  const message = `Closed <b>today</b> & "tomorrow"`;
  const posted = Date.now();
  await api.postChanges([{ assetId: school.id, status: { code: "closed", message } }]);

  await expect(marker).toHaveClass(/status-closed/, { timeout: 1000 });
  const elapsed = Date.now() - posted;
  expect(elapsed).toBeLessThan(1000);
  expect(navigations).toEqual([]);

  const item = page.locator(`[data-asset-id="${school.id}"]`);
  await expect(item).toContainText("Closed");
  await expect(item).toContainText(message);

  // Markers can overlap at this zoom; the keyboard reaches each one regardless.
  await marker.focus();
  await page.keyboard.press("Enter");
  const popup = page.locator(".leaflet-popup-content");
  await expect(popup).toContainText(school.properties.name);
  // Officer text is shown as text: the <b> is visible, not bold markup.
  await expect(popup).toContainText(message);
  await expect(popup.locator("b")).toHaveCount(0);
});
