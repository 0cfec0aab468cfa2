import type { Page } from "@playwright/test";
import { expect, test, type SnowlineApi } from "./fixtures";

async function expectChangeToArrive(page: Page, api: SnowlineApi, code: "closed" | "open") {
  const school = await api.assetAt("schools", 5);
  const row = page.getByTestId("asset-list").locator(`[data-asset-id="${school.id}"]`);
  await api.postChanges([{ assetId: school.id, status: { code, message: `Set to ${code} by the worker test` } }]);
  await expect(row).toHaveAttribute("data-status", code);
}

test("the live connection runs in a worker, off the page's main thread", async ({ page, api }) => {
  await page.goto("/?layer=schools");
  await expect(page.getByTestId("connection-state")).toContainText("Live");
  expect(page.workers().map((w) => w.url())).toContainEqual(expect.stringContaining("turbopack-worker"));
  await expectChangeToArrive(page, api, "closed");
  await expectChangeToArrive(page, api, "open");
});

test("where the worker cannot load, the page follows changes itself", async ({ page, api }) => {
  await page.route(/turbopack-worker/, (route) => route.abort());
  const warnings: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "warning") warnings.push(message.text());
  });
  await page.goto("/?layer=schools");
  await expect(page.getByTestId("connection-state")).toContainText("Live");
  expect(page.workers()).toEqual([]);
  expect(warnings.join("\n")).toContain("the worker failed");
  await expectChangeToArrive(page, api, "closed");
  await expectChangeToArrive(page, api, "open");
});
