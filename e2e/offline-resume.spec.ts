import { expect, test } from "./fixtures";

test("changes posted while the phone is offline all show when it is back, with the connection state on the way", async ({ page, context, api }) => {
  const schools = await Promise.all([10, 11, 12].map((i) => api.assetAt("schools", i)));
  await api.postChanges(schools.map((s) => ({ assetId: s.id, status: { code: "open", message: "" } })));
  await page.goto("/?layer=schools");
  const connection = page.getByTestId("connection-state");
  await expect(connection).toContainText("Live");
  await expect(connection).toContainText(/last updated \d\d:\d\d/);
  const rows = schools.map((s) => page.getByTestId("asset-list").locator(`[data-asset-id="${s.id}"]`));

  await context.setOffline(true);
  await expect(connection).toContainText("Offline");
  // Three separate batches while away: the page must ask for all of them on its return.
  await api.postChanges([{ assetId: schools[0]!.id, status: { code: "closed", message: "Burst pipe" } }]);
  await api.postChanges([{ assetId: schools[1]!.id, status: { code: "partially_open", message: "Years 10 to 13 only" } }]);
  await api.postChanges([{ assetId: schools[2]!.id, status: { code: "late_opening", message: "Opening at 10:30" } }]);
  // Give a connected page ample time to have shown them, to prove this one really missed them.
  await page.waitForTimeout(1500);
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
