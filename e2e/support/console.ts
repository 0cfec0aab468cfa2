import AxeBuilder from "@axe-core/playwright";
import { expect, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import type { AssetFeature, SnowlineApi } from "../fixtures";
import { CONSOLE_USERS, E2E_PASSWORD, type ConsoleUserKey } from "./console-users";

/** Signs in through the sign-in page using only the keyboard, and waits for the console. */
export async function signInWithKeyboard(page: Page, who: ConsoleUserKey, next = "/console"): Promise<void> {
  await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
  await page.getByLabel("Email address").focus();
  await page.keyboard.type(CONSOLE_USERS[who].email);
  await page.keyboard.press("Tab");
  await page.keyboard.type(E2E_PASSWORD);
  await page.keyboard.press("Enter");
  await page.waitForURL((url) => url.pathname === next.split("?")[0]);
}

/** Signs in over HTTP (as the console's browser code does) and returns the CSRF token. */
export async function signInByApi(request: APIRequestContext, who: ConsoleUserKey): Promise<{ csrfToken: string; userId: string }> {
  const res = await request.post("/api/v1/auth/sign-in", { data: { email: CONSOLE_USERS[who].email, password: E2E_PASSWORD } });
  expect(res.status(), await res.text()).toBe(200);
  const body = await res.json();
  return { csrfToken: body.csrfToken, userId: body.user.id };
}

/** Runs axe with the WCAG 2.2 AA rules and expects no violations. */
export async function expectNoAxeViolations(page: Page, what: string): Promise<void> {
  // Every page has a title (WCAG 2.4.2); after a refresh, wait for it rather than catch React between renders.
  await expect(page).toHaveTitle(/\S/);
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
  expect(summary, `axe violations on ${what}`).toEqual([]);
}

/** A page in a browser context of its own (another person, another device), with tiles answered empty. */
export async function newPersonPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.route(/tiles\.snowline\.test/, (route) => route.fulfill({ status: 204, body: "" }));
  return page;
}

/**
 * Gives a test a school of its own, open with no message, through the API: tests never rely on what
 * another test (or the demo's random statuses) left behind.
 */
export async function freshOpenSchool(api: SnowlineApi, id: string): Promise<AssetFeature> {
  await api.postChanges([{ assetId: id, status: { code: "open", message: "" } }]);
  const school = (await api.assets("schools")).features.find((f) => f.id === id);
  if (!school) throw new Error(`The demo council has no ${id}; the e2e server runs with SNOWLINE_DEMO_SCHOOLS=200`);
  return school;
}
