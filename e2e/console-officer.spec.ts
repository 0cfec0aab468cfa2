import { formatDateTime } from "../components/status/format-time";
import { sevenTomorrowUk } from "../lib/domain/uk-time";
import { expect, test } from "./fixtures";
import { expectNoAxeViolations, freshOpenSchool, newPersonPage, signInByApi, signInWithKeyboard } from "./support/console";

const TEMPLATE = { layer: "schools", name: "Snow closure (e2e)", message: "Closed due to snow. Check back at 7am." };

test.beforeAll(async ({ playwright, baseURL }) => {
  const admin = await playwright.request.newContext({ baseURL });
  const { csrfToken } = await signInByApi(admin, "admin");
  const res = await admin.post("/api/v1/templates", { data: TEMPLATE, headers: { "x-csrf-token": csrfToken } });
  expect(res.status()).toBe(201);
  await admin.dispose();
});

test("an officer closes a school with a template message until 07:00 tomorrow, by keyboard; a resident's open page shows it without reload", async ({ page, browser, api }) => {
  test.slow();
  const school = await freshOpenSchool(api, "school-121");

  // The resident: another browser context on the public list, searching for the school.
  const resident = await newPersonPage(browser);
  await resident.goto(`/?q=${encodeURIComponent(school.properties.name)}`);
  await expect(resident.getByTestId("connection-state")).toContainText("Live");
  const residentItem = resident.locator(`[data-asset-id="${school.id}"]`);
  await expect(residentItem).toContainText("Open");

  await signInWithKeyboard(page, "ann", "/console/layers/schools");
  await expect(page.getByTestId("console-connection")).toContainText("on");
  await expectNoAxeViolations(page, "the schools console");

  // Find the school, select it and fill the form without the mouse.
  await page.getByLabel("Search").focus();
  await page.keyboard.type(school.properties.name);
  await expect(page.getByText(/^1 of \d+ match this filter/)).toBeVisible();
  await page.getByRole("checkbox", { name: school.properties.name }).focus();
  await page.keyboard.press("Space");
  await expect(page.getByText("1 school selected.")).toBeVisible();
  await page.getByLabel("New status").focus();
  await page.getByLabel("New status").selectOption("closed");
  await page.getByLabel("Use a saved message").focus();
  await page.getByLabel("Use a saved message").selectOption({ label: TEMPLATE.name });
  await expect(page.getByLabel("Message for the public")).toHaveValue(TEMPLATE.message);
  await page.getByRole("radio", { name: /Until 07:00 tomorrow/ }).focus();
  await page.keyboard.press("Space");
  const preview = page.getByRole("region", { name: /How it will read on the public page/ });
  const until = formatDateTime(new Date(sevenTomorrowUk(Date.now())));
  await expect(preview).toContainText("Closed");
  await expect(preview).toContainText(TEMPLATE.message);
  await expect(preview).toContainText(`Until ${until}`);
  await expectNoAxeViolations(page, "the schools console with a selection");

  // Timed inside the two browsers (same machine, same clock), from the officer's submit to the
  // resident's list showing the change, so the test runner's own round trips do not count.
  await resident.evaluate((id) => {
    const item = document.querySelector(`[data-asset-id="${id}"]`)!;
    const w = window as unknown as { shownAt?: number };
    new MutationObserver(() => {
      if (w.shownAt === undefined && item.textContent?.includes("Closed")) w.shownAt = Date.now();
    }).observe(item, { subtree: true, childList: true, characterData: true });
  }, school.id);
  await page.evaluate(() => {
    const w = window as unknown as { submittedAt?: number };
    document.addEventListener("submit", () => (w.submittedAt = Date.now()), { capture: true, once: true });
  });
  await page.getByRole("button", { name: "Apply to 1 school" }).focus();
  await page.keyboard.press("Enter");

  await expect(residentItem).toContainText("Closed");
  const submittedAt = await page.evaluate(() => (window as unknown as { submittedAt: number }).submittedAt);
  const shownAt = await resident.evaluate(() => (window as unknown as { shownAt: number }).shownAt);
  // Shown by the live page after the submit (no reload); how long it took is reported, not asserted.
  expect(shownAt).toBeGreaterThanOrEqual(submittedAt);
  test.info().annotations.push({ type: "latency", description: `officer submit to resident list: ${shownAt - submittedAt} ms` });
  await expect(residentItem).toContainText(TEMPLATE.message);
  await expect(residentItem).toContainText(`Until ${until}`);
  // The public never sees who made the change.
  await expect(residentItem).not.toContainText("Ann");

  const result = page.getByRole("status").filter({ hasText: "Published" });
  await expect(result).toContainText(`${school.properties.name}: Closed until ${until}.`);
  await expect(result).toBeFocused();
  // A post for the council's social media, drafted from the published change, ready to copy.
  const post = result.getByLabel(new RegExp(`^${school.properties.name} \\(\\d+ of 280 characters\\)$`));
  await expect(post).toHaveValue(new RegExp(`${school.properties.name}.*Closed[\\s\\S]*/assets/${school.id}`, "i"));
  expect((await post.inputValue()).length).toBeLessThanOrEqual(280);
  await expectNoAxeViolations(page, "the schools console after publishing");

  // Undo restores the status it replaced, again reaching the resident live.
  await page.getByRole("button", { name: "Undo this change" }).press("Enter");
  await expect(page.getByRole("heading", { name: "Undone" })).toBeVisible();
  await expect(residentItem).toContainText("Open");
  await resident.context().close();
});

test("a scheduled change shows as upcoming on the resident page", async ({ page, browser, api }) => {
  const school = await freshOpenSchool(api, "school-122");
  const resident = await newPersonPage(browser);
  await resident.goto(`/?q=${encodeURIComponent(school.properties.name)}`);
  await expect(resident.getByTestId("connection-state")).toContainText("Live");

  await signInWithKeyboard(page, "ann", "/console/layers/schools");
  await page.getByLabel("Search").fill(school.properties.name);
  await page.getByRole("checkbox", { name: school.properties.name }).check();
  await page.getByLabel("New status").selectOption("late_opening");
  await page.getByLabel("Message for the public").fill("Opening at 10:00 tomorrow.");
  await page.getByRole("radio", { name: "Later (scheduled)" }).check();
  const from = sevenTomorrowUk(Date.now());
  const local = new Date(from).toLocaleString("sv-SE", { timeZone: "Europe/London" }).slice(0, 16).replace(" ", "T");
  await page.getByLabel("Start at (UK time)").fill(local);
  await page.getByRole("button", { name: "Apply to 1 school" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Published" })).toContainText("(scheduled; Open until then)");
  const item = resident.locator(`[data-asset-id="${school.id}"]`);
  await expect(item).toContainText(`Upcoming: Opening late from ${formatDateTime(new Date(from))}`);
  await expect(item.locator(".status-badge")).toContainText("Open");
  await resident.context().close();
});
