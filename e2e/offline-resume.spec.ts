import { expect, test } from "./fixtures";
import { newPersonPage } from "./support/console";

test("changes posted while the phone is offline all show when it is back, with the connection state on the way", async ({ page, context, api, browser }) => {
  const schools = await Promise.all([10, 11, 12].map((i) => api.assetAt("schools", i)));
  await api.postChanges(schools.map((s) => ({ assetId: s.id, status: { code: "open", message: "" } })));
  await page.goto("/?layer=schools");
  const connection = page.getByTestId("connection-state");
  await expect(connection).toContainText("Live");
  await expect(connection).toContainText(/last updated \d\d:\d\d/);
  const rows = schools.map((s) => page.getByTestId("asset-list").locator(`[data-asset-id="${s.id}"]`));
  // A second phone that stays online: once it shows the changes, the offline one would have too.
  const online = await newPersonPage(browser);
  await online.goto("/?layer=schools");
  await expect(online.getByTestId("connection-state")).toContainText("Live");
  const onlineRows = schools.map((s) => online.getByTestId("asset-list").locator(`[data-asset-id="${s.id}"]`));

  await context.setOffline(true);
  await expect(connection).toContainText("Offline");
  // Three separate batches while away: the page must ask for all of them on its return.
  await api.postChanges([{ assetId: schools[0]!.id, status: { code: "closed", message: "Burst pipe" } }]);
  await api.postChanges([{ assetId: schools[1]!.id, status: { code: "partially_open", message: "Years 10 to 13 only" } }]);
  await api.postChanges([{ assetId: schools[2]!.id, status: { code: "late_opening", message: "Opening at 10:30" } }]);
  await expect(onlineRows[0]!).toHaveAttribute("data-status", "closed");
  await expect(onlineRows[1]!).toHaveAttribute("data-status", "partially_open");
  await expect(onlineRows[2]!).toHaveAttribute("data-status", "late_opening");
  await online.context().close();
  for (const row of rows) await expect(row).toHaveAttribute("data-status", "open");
  await expect(connection).toContainText("Offline");

  const states: string[] = [];
  await page.exposeFunction("recordState", (text: string) => states.push(text));
  await page.evaluate(() => {
    const node = document.querySelector('[data-testid="connection-state"] [role="status"]')!;
    new MutationObserver(() => (window as unknown as { recordState(t: string): void }).recordState(node.textContent ?? "")).observe(node, {
      childList: true,
      characterData: true,
      subtree: true,
    });
  });
  await context.setOffline(false);
  await expect(connection).toContainText("Live", { timeout: 15_000 });
  await expect(rows[0]!).toHaveAttribute("data-status", "closed");
  await expect(rows[1]!).toHaveAttribute("data-status", "partially_open");
  await expect(rows[2]!).toHaveAttribute("data-status", "late_opening");
  await expect(rows[1]!).toContainText("Years 10 to 13 only");
  expect(states[0]).toBe("Reconnecting…");
  expect(states.at(-1)).toBe("Live");
});

test("after missing more changes than a resume can carry, the page reloads every status (reset) and is right", async ({ page, context, api }) => {
  const { features: routes } = await api.assets("gritting");
  await page.goto("/?layer=gritting");
  const connection = page.getByTestId("connection-state");
  await expect(connection).toContainText("Live");

  await context.setOffline(true);
  await expect(connection).toContainText("Offline");
  // 21 batches over every route: more than the 500 changes a resume replays.
  const codes = ["planned", "in_progress"];
  for (let round = 0; round < 20; round++) {
    await api.postChanges(routes.map((r) => ({ assetId: r.id, status: { code: codes[round % 2], message: `Round ${round}` } })));
  }
  await api.postChanges(routes.map((r, i) => ({ assetId: r.id, status: { code: i === 0 ? "completed" : "planned", message: "Final" } })));
  await context.setOffline(false);

  await expect(connection).toContainText("Live", { timeout: 15_000 });
  const list = page.getByTestId("asset-list");
  for (const [i, route] of routes.entries()) {
    await expect(list.locator(`[data-asset-id="${route.id}"]`)).toHaveAttribute("data-status", i === 0 ? "completed" : "planned");
  }
  await expect(page.getByTestId("summary").locator('[data-layer="gritting"]')).toContainText(`1 of ${routes.length} routes gritted`);
});
