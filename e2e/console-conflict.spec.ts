import { expect, test } from "./fixtures";
import { expectNoAxeViolations, freshOpenSchool, newPersonPage, signInWithKeyboard } from "./support/console";

test("two officers change the same school: the second sees who changed it, when and to what, and resolves it", async ({ browser, api }) => {
  test.slow();
  const school = await freshOpenSchool(api, "school-123");
  const ann = await newPersonPage(browser);
  const bob = await newPersonPage(browser);
  await signInWithKeyboard(ann, "ann", "/console/layers/schools");
  await signInWithKeyboard(bob, "bob", "/console/layers/schools");

  // Both find the school and select it while it is still open.
  for (const page of [ann, bob]) {
    await page.getByLabel("Search").fill(school.properties.name);
    await page.getByRole("checkbox", { name: school.properties.name }).check();
    await expect(page.getByText("1 school selected.")).toBeVisible();
  }

  await ann.getByLabel("Message for the public").fill("Closed: boiler failure.");
  await ann.getByRole("button", { name: "Apply to 1 school" }).click();
  await expect(ann.getByRole("status").filter({ hasText: "Published" })).toBeVisible();

  // Bob's console shows Ann's change live, and marks it as changed since he selected it.
  const bobRow = bob.locator(`tr[data-asset-id="${school.id}"]`);
  await expect(bobRow).toContainText("Closed: boiler failure.");
  await expect(bobRow).toContainText("Changed by someone else since you selected it");

  await bob.getByLabel("New status").selectOption("late_opening");
  await bob.getByLabel("Message for the public").fill("Opening at 10:00.");
  await bob.getByRole("button", { name: "Apply to 1 school" }).click();
  const conflict = bob.getByRole("alert").filter({ hasText: "Someone else changed this since you selected it" });
  await expect(conflict).toContainText(`${school.properties.name}: changed by Ann Officer at`);
  await expect(conflict).toContainText("now Closed — “Closed: boiler failure.”");
  await expect(conflict).toContainText("Nothing was stored.");
  await expectNoAxeViolations(bob, "the conflict panel");
  expect((await api.assets("schools")).features.find((f) => f.id === school.id)!.properties.status.message).toBe("Closed: boiler failure.");

  // Bob decides his is right and re-applies it, knowingly, over Ann's.
  await bob.getByRole("button", { name: "Apply mine anyway" }).press("Enter");
  await expect(bob.getByRole("status").filter({ hasText: "Published" })).toContainText(`${school.properties.name}: Opening late.`);
  const after = (await api.assets("schools")).features.find((f) => f.id === school.id)!;
  expect(after.properties.status).toMatchObject({ code: "late_opening", message: "Opening at 10:00." });
  await expect(ann.locator(`tr[data-asset-id="${school.id}"]`)).toContainText("Opening at 10:00.");
  await Promise.all([ann.context().close(), bob.context().close()]);
});

test("keeping the other officer's change stores nothing", async ({ browser, api }) => {
  const school = await freshOpenSchool(api, "school-124");
  const bob = await newPersonPage(browser);
  await signInWithKeyboard(bob, "bob", "/console/layers/schools");
  await bob.getByLabel("Search").fill(school.properties.name);
  await bob.getByRole("checkbox", { name: school.properties.name }).check();
  await api.postChanges([{ assetId: school.id, status: { code: "partially_open", message: "Year 11 only" } }]);
  await bob.getByRole("button", { name: "Apply to 1 school" }).click();
  const conflict = bob.getByRole("alert").filter({ hasText: "Someone else changed this" });
  await expect(conflict).toContainText("changed by e2e at");
  await bob.getByRole("button", { name: "Keep theirs" }).click();
  await expect(bob.getByRole("status").filter({ hasText: "Kept their changes" })).toContainText(`Nothing was changed for ${school.properties.name}`);
  await expect(bob.getByText("0 schools selected.")).toBeVisible();
  expect((await api.assets("schools")).features.find((f) => f.id === school.id)!.properties.status).toMatchObject({ code: "partially_open", message: "Year 11 only" });
  await bob.context().close();
});
