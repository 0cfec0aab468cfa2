import { expect, test } from "./fixtures";
import { expectNoAxeViolations, signInWithKeyboard, newPersonPage } from "./support/console";

test.describe("administration", () => {
  // Journeys across several pages, each checked with axe: slow on a small shared machine.
  test.slow();
  test.beforeEach(async ({ page }) => signInWithKeyboard(page, "admin"));

  test("an admin creates an account; the new officer sets a password with the one-time link and signs in", async ({ page, browser }) => {
    await page.getByRole("link", { name: "Users" }).click();
    await expectNoAxeViolations(page, "the users page");
    const email = `new.officer.${Date.now()}@e2e.test`;
    await page.getByLabel("Email address").fill(email);
    await page.getByLabel("Name", { exact: true }).fill("New Officer");
    await page.getByRole("radio", { name: /^Officer/ }).check();
    await page.getByRole("checkbox", { name: "Gritting routes" }).check();
    await page.getByRole("button", { name: "Create account" }).click();
    const link = await page.getByTestId("sign-in-link").textContent();
    expect(link).toMatch(/\/sign-in\/link#token=snl_link_/);
    await expect(page.locator(`tr[data-user="${email}"]`)).toContainText("Invited (no password yet)");
    await expectNoAxeViolations(page, "the users page after creating an account");

    const newcomer = await newPersonPage(browser);
    await newcomer.goto(link!);
    await expect(newcomer).toHaveURL(/\/sign-in\/link$/);
    await expectNoAxeViolations(newcomer, "the set-password page");
    await newcomer.getByLabel("Choose a password").fill("short");
    await newcomer.getByRole("button", { name: "Set password and sign in" }).click();
    await expect(newcomer.getByRole("alert").filter({ hasText: "Use at least 12 characters" })).toBeVisible();
    await newcomer.getByLabel("Choose a password").fill("a very snowy pass phrase");
    await newcomer.getByRole("button", { name: "Set password and sign in" }).click();
    await expect(newcomer).toHaveURL(/\/console$/);
    await expect(newcomer.getByText("Signed in as New Officer")).toBeVisible();
    await newcomer.goto(link!);
    await newcomer.getByLabel("Choose a password").fill("another snowy pass phrase");
    await newcomer.getByRole("button", { name: "Set password and sign in" }).click();
    await expect(newcomer.getByRole("alert").filter({ hasText: "This sign-in link has been used or has expired" })).toBeVisible();
    await newcomer.context().close();

    await page.reload();
    await page.getByRole("button", { name: `Disable ${email}` }).click();
    await expect(page.locator(`tr[data-user="${email}"]`)).toContainText("Disabled");
  });

  test("an admin creates an API token limited to gritting, sees it once, and revokes it", async ({ page, request }) => {
    await page.getByRole("link", { name: "API tokens" }).click();
    await expectNoAxeViolations(page, "the tokens page");
    await page.getByLabel("Name").fill("Depot feed (e2e)");
    await page.getByRole("checkbox", { name: "Schools" }).uncheck();
    await page.getByRole("checkbox", { name: "Bin collections" }).uncheck();
    await page.getByLabel("Works for").selectOption("30");
    await page.getByRole("button", { name: "Create token" }).click();
    const token = (await page.getByTestId("new-token").textContent())!;
    expect(token).toMatch(/^snl_/);
    const row = page.locator('tr[data-token="Depot feed (e2e)"]');
    await expect(row).toContainText("Gritting routes");
    await expect(row).toContainText("by Ada Admin");
    await expect(page.locator("table")).not.toContainText(token);

    const post = (assetId: string, code: string) =>
      request.post("/api/v1/changes", { headers: { authorization: `Bearer ${token}` }, data: { changes: [{ assetId, status: { code } }] } });
    expect((await post("school-010", "closed")).status()).toBe(403);
    expect((await post("route-01", "in_progress")).status()).toBe(201);
    await page.getByRole("button", { name: "Revoke token Depot feed (e2e)" }).click();
    await expect(row).toContainText("Revoked");
    expect((await post("route-01", "completed")).status()).toBe(401);
  });

  test("an admin publishes a council-wide notice and ends it", async ({ page, request }) => {
    await page.getByRole("link", { name: "Notices" }).click();
    await expectNoAxeViolations(page, "the notices page");
    const text = `Do not travel unless you must (${Date.now()})`;
    await page.getByRole("radio", { name: "Severe" }).check();
    await page.getByLabel("Text").fill(text);
    await page.getByRole("radio", { name: "Until further notice" }).check();
    await page.getByRole("button", { name: "Publish notice" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Published" })).toContainText(text);
    const publicNotices = async () => ((await (await request.get("/api/v1/notices")).json()) as { notices: { text: string }[] }).notices.map((n) => n.text);
    expect(await publicNotices()).toContain(text);
    await page.getByRole("button", { name: `End notice: ${text}` }).click();
    await expect(page.locator("tr", { hasText: text })).toContainText("Ended");
    expect(await publicNotices()).not.toContain(text);
    await page.getByRole("link", { name: "Audit log" }).click();
    await expect(page.locator("table", { hasText: "Notices created and ended" })).toContainText(text);
    await expectNoAxeViolations(page, "the audit log");
  });

  test("an admin saves a message template for a layer and deletes it", async ({ page }) => {
    await page.getByRole("link", { name: "Message templates" }).click();
    await expectNoAxeViolations(page, "the templates page");
    await page.getByLabel("Layer").selectOption("bins");
    await page.getByLabel("Short name").fill("Icy roads (e2e)");
    await page.getByLabel("Message", { exact: true }).fill("Collections running a day late because of icy roads.");
    await page.getByRole("button", { name: "Save template" }).click();
    const row = page.locator("table", { hasText: "Bin collections" }).locator("tr", { hasText: "Icy roads (e2e)" });
    await expect(row).toContainText("Ada Admin");
    await page.goto("/console/layers/bins");
    await page.getByLabel("Use a saved message").selectOption({ label: "Icy roads (e2e)" });
    await expect(page.getByLabel("Message for the public")).toHaveValue("Collections running a day late because of icy roads.");
    await page.goto("/console/templates");
    await page.getByRole("button", { name: "Delete template Icy roads (e2e)" }).click();
    await expect(row).toHaveCount(0);
  });

  test("every console page passes axe", async ({ page }) => {
    for (const path of ["/console", "/console/layers/gritting", "/console/layers/bins", "/console/audit?layer=schools"]) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expectNoAxeViolations(page, path);
    }
  });
});
