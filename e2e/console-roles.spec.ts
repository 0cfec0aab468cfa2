import { expect, test } from "./fixtures";
import { expectNoAxeViolations, freshOpenSchool, signInByApi, signInWithKeyboard } from "./support/console";

test("a head teacher changes their own school, and gets 403 for any other asset in the UI and over HTTP", async ({ page, api }) => {
  await freshOpenSchool(api, "school-001");
  await freshOpenSchool(api, "school-002");
  await signInWithKeyboard(page, "head");
  await expect(page.getByText("may change only the asset school-001")).toBeVisible();
  await page.getByRole("link", { name: "Schools" }).click();
  const rows = page.locator("#asset-table tbody tr");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toHaveAttribute("data-asset-id", "school-001");
  await page.getByRole("checkbox").first().check();
  await page.getByLabel("New status").selectOption("partially_open");
  await page.getByLabel("Message for the public").fill("Open for years 5 and 6 only.");
  await page.getByRole("button", { name: "Apply to 1 school" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Published" })).toBeVisible();
  expect((await api.assets("schools")).features.find((f) => f.id === "school-001")!.properties.status.code).toBe("partially_open");

  // Another layer through the UI: refused.
  await page.goto("/console/layers/gritting");
  await expect(page.getByRole("alert").filter({ hasText: "403: not allowed" })).toBeVisible();
  await expect(page.getByRole("alert").filter({ hasText: "Your account may change only the asset school-001, not gritting routes." })).toBeVisible();
  await expectNoAxeViolations(page, "the 403 page");

  // Another school through a direct request with the head teacher's own session and CSRF token.
  const { csrfToken } = await signInByApi(page.request, "head");
  const res = await page.request.post("/api/v1/changes", {
    data: { changes: [{ assetId: "school-002", status: { code: "closed", message: "Not mine to close" } }] },
    headers: { "x-csrf-token": csrfToken },
  });
  expect(res.status()).toBe(403);
  expect((await res.json()).error.message).toMatch(/^Your account may change only the asset school-001; it may not change .*\(school-002\)\. Nothing was stored\.$/);
  expect((await api.assets("schools")).features.find((f) => f.id === "school-002")!.properties.status).toMatchObject({ code: "open", message: "" });
});

test("an officer limited to bins gets 403 on schools in the UI and over HTTP, and can change bins", async ({ page, api }) => {
  await signInWithKeyboard(page, "bins");
  const nav = page.getByRole("navigation", { name: "Console sections" });
  await expect(nav.getByRole("link", { name: "Bin collections" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Schools" })).toHaveCount(0);
  await page.goto("/console/layers/schools");
  await expect(page.getByRole("alert").filter({ hasText: "Your account may change bin collections, not schools." })).toBeVisible();

  const { csrfToken } = await signInByApi(page.request, "bins");
  const school = await freshOpenSchool(api, "school-125");
  const refused = await page.request.post("/api/v1/changes", {
    data: { changes: [{ assetId: school.id, status: { code: "closed" } }] },
    headers: { "x-csrf-token": csrfToken },
  });
  expect(refused.status()).toBe(403);
  expect((await refused.json()).error.message).toContain("may change bin collections; it may not change");
  expect((await api.assets("schools")).features.find((f) => f.id === school.id)!.properties.status.code).toBe("open");
  const round = (await api.assets("bins")).features[0]!;
  const allowed = await page.request.post("/api/v1/changes", {
    data: { changes: [{ assetId: round.id, status: { code: "delayed", message: "A day late" }, expectedVersion: round.properties.status.version }] },
    headers: { "x-csrf-token": csrfToken },
  });
  expect(allowed.status()).toBe(201);
});
