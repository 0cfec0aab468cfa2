import { expect, test } from "./fixtures";
import { expectNoAxeViolations, freshOpenSchool, newPersonPage, signInByApi, signInWithKeyboard } from "./support/console";
import { CONSOLE_USERS } from "./support/console-users";

test("signed-out requests to console pages redirect to sign-in, and signing in returns to the page asked for", async ({ page, request }) => {
  for (const path of ["/console", "/console/layers/schools", "/console/audit", "/console/users"]) {
    const res = await request.get(path, { maxRedirects: 0 });
    expect(res.status(), path).toBe(307);
    expect(res.headers().location).toBe(`/sign-in?next=${encodeURIComponent(path)}`);
  }
  await page.goto("/console/audit");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fconsole%2Faudit$/);
  await expectNoAxeViolations(page, "the sign-in page");
  await signInWithKeyboard(page, "ann", "/console/audit");
  await expect(page.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();
  await expect(page.getByText("Signed in as Ann Officer")).toBeVisible();
});

test("state-changing requests without a session or without the CSRF token are refused, and nothing is stored", async ({ playwright, baseURL, api }) => {
  const school = await freshOpenSchool(api, "school-120");
  const change = { changes: [{ assetId: school.id, status: { code: "closed", message: "Should never show" } }] };

  const anonymous = await playwright.request.newContext({ baseURL });
  const noSession = await anonymous.post("/api/v1/changes", { data: change });
  expect(noSession.status()).toBe(401);

  const officer = await playwright.request.newContext({ baseURL });
  const { csrfToken } = await signInByApi(officer, "ann");
  const noCsrf = await officer.post("/api/v1/changes", { data: change });
  expect(noCsrf.status()).toBe(403);
  expect((await noCsrf.json()).error.message).toMatch(/CSRF/);
  const forged = await officer.post("/api/v1/changes", { data: change, headers: { "x-csrf-token": csrfToken, origin: "https://attacker.example" } });
  expect(forged.status()).toBe(403);
  expect((await officer.post("/api/v1/auth/sign-out")).status()).toBe(403);

  const after = (await api.assets("schools")).features.find((f) => f.id === school.id)!;
  expect(after.properties.status).toMatchObject({ code: "open", version: school.properties.status.version });
  await Promise.all([anonymous.dispose(), officer.dispose()]);
});

test("after 10 wrong passwords the account is throttled, with a clear message that does not say whether it exists", async ({ page }) => {
  await page.goto("/sign-in");
  const email = page.getByLabel("Email address");
  const password = page.getByLabel("Password");
  const submit = page.getByRole("button", { name: "Sign in" });
  await email.fill(CONSOLE_USERS.locked.email);
  for (let attempt = 1; attempt <= 9; attempt++) {
    await password.fill(`wrong password ${attempt}`);
    await submit.click();
    await expect(page.getByRole("alert").filter({ hasText: "The email or password is not right" })).toBeVisible();
  }
  await password.fill("wrong password 10");
  await submit.click();
  await expect(page.getByRole("alert").filter({ hasText: "Too many sign-in attempts" })).toBeVisible();
  // Even the right password is refused now.
  await password.fill("snowy e2e pass phrase");
  await submit.click();
  await expect(page.getByRole("heading", { name: "Signing in is paused" })).toBeVisible();
  await expect(page.getByRole("alert").filter({ hasText: /paused for 15 minutes/ })).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in/);
  await expectNoAxeViolations(page, "the sign-in page with an error");

  // An email with no account gets the same answer as a wrong password.
  await email.fill("nobody-here@e2e.test");
  await password.fill("anything at all");
  await submit.click();
  await expect(page.getByRole("alert").filter({ hasText: "The email or password is not right" })).toBeVisible();
});

test("signing out ends the session; signing out everywhere ends the others too", async ({ browser }) => {
  // Each newPage() is its own browser context: two devices with their own cookies.
  const laptop = await newPersonPage(browser);
  const phonePage = await newPersonPage(browser);
  await signInWithKeyboard(laptop, "bob");
  await signInWithKeyboard(phonePage, "bob");
  await laptop.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(laptop).toHaveURL(/\/sign-in$/);
  await phonePage.goto("/console");
  await expect(phonePage).toHaveURL(/\/sign-in\?next=%2Fconsole$/);
  await Promise.all([laptop.context().close(), phonePage.context().close()]);
});
