import { expect, expectNoAxeViolations, test } from "./fixtures";

test.describe("accessibility (axe, WCAG 2.2 AA)", () => {
  // axe walks every node of a page with a hundred list rows and a map: slow on a busy machine.
  test.describe.configure({ timeout: 120_000 });

  test("the home page with its map has no violations", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByTestId("connection-state")).toContainText("Live");
    await page.locator("#map").scrollIntoViewIfNeeded();
    await expect(page.locator(".leaflet-marker-icon").first()).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test("the filtered, searched list has no violations", async ({ page }) => {
    await page.goto("/?only=disrupted&sort=changed");
    await expect(page.getByRole("heading", { name: "Disruptions and closures" })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.goto("/?layer=bins&q=M41");
    await expect(page.getByTestId("asset-list")).toContainText(/Postcode: M41/);
    await expectNoAxeViolations(page);
  });

  test("an asset page has no violations", async ({ page, api }) => {
    const school = await api.assetAt("schools", 20);
    await api.postChanges([{ assetId: school.id, status: { code: "closed", message: "Heating failure" } }]);
    await page.goto(`/assets/${school.id}`);
    await expect(page.getByTestId("asset-status")).toContainText("Closed");
    await expectNoAxeViolations(page);
  });

  test("the map with a popup open has no violations", async ({ page, api }) => {
    const round = await api.assetAt("bins", 3);
    await page.goto(`/?asset=${round.id}`);
    await expect(page.getByTestId("map-popup")).toContainText(round.properties.name);
    await expectNoAxeViolations(page);
  });

  test("a skip link leads past the header, and focus is visible", async ({ page }) => {
    await page.goto("/");
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Skip to main content" });
    await expect(skip).toBeFocused();
    await expect(skip).toBeInViewport();
    await page.keyboard.press("Enter");
    await expect(page.locator("main#main")).toBeFocused();
    await page.keyboard.press("Tab");
    const focused = page.locator(":focus");
    const outline = await focused.evaluate((el) => {
      const style = getComputedStyle(el);
      return { outline: style.outlineStyle, width: style.outlineWidth, shadow: style.boxShadow, background: style.backgroundColor };
    });
    // Either a 3px outline or the yellow focus background with its underline shadow.
    expect(outline.outline !== "none" && outline.width === "3px" || outline.background === "rgb(255, 221, 0)").toBe(true);
  });
});
