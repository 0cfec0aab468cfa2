import { addNoticeWithCli, endNoticeWithCli, expect, test } from "./fixtures";

test("the demo's notice shows with its level in words", async ({ page }) => {
  await page.goto("/");
  const notice = page.getByTestId("notices").locator(".notice--warning");
  await expect(notice).toContainText("Warning");
  await expect(notice).toContainText("Snow and ice across the borough");
});

test("notices start and end at their times without a reload, and a new one arrives on reconnect", async ({ page, context }) => {
  test.setTimeout(90_000);
  // Far enough ahead for the CLI and the page load on a busy machine to finish first.
  const now = Date.now();
  const ending = addNoticeWithCli("info", "Gritters are out on all priority routes", { until: new Date(now + 22_000) });
  const starting = addNoticeWithCli("severe", "All schools closed tomorrow", { from: new Date(now + 15_000), until: new Date(now + 120_000) });
  try {
    await page.goto("/");
    const notices = page.getByTestId("notices");
    await expect(notices).toContainText("Gritters are out on all priority routes");
    await expect(notices).not.toContainText("All schools closed tomorrow");
    await expect(page.getByTestId("connection-state")).toContainText("Live");

    await expect(notices.locator(".notice--severe")).toContainText("Severe warning", { timeout: 20_000 });
    await expect(notices.locator(".notice--severe")).toContainText("All schools closed tomorrow");
    // Most severe first.
    await expect(notices.locator(".notice").first()).toHaveClass(/notice--severe/);
    await expect(notices).not.toContainText("Gritters are out", { timeout: 20_000 });

    // Added at the server's shell while the page is open: the CLI cannot reach open sockets, but
    // every (re)connect gets the current notices.
    const added = addNoticeWithCli("warning", "Bin collections suspended this afternoon");
    try {
      await context.setOffline(true);
      await expect(page.getByTestId("connection-state")).toContainText("Offline");
      await context.setOffline(false);
      await expect(notices).toContainText("Bin collections suspended this afternoon", { timeout: 15_000 });
      await expect(page.getByTestId("announcer")).toContainText("New notice: Bin collections suspended this afternoon");
    } finally {
      endNoticeWithCli(added);
    }
  } finally {
    endNoticeWithCli(starting);
    try {
      endNoticeWithCli(ending);
    } catch {
      // Already over by its `until`.
    }
  }
});
