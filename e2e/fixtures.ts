import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type APIRequestContext, type Page } from "@playwright/test";
import { tokenFileOf } from "./support/e2e-servers";

/** The database folder of the server the running test's project talks to. */
export function dataDirOfTest(): string {
  return String(base.info().project.metadata.dataDir);
}

export interface AssetFeature {
  id: string;
  properties: { name: string; layer: string; status: { code: string; version: number; message: string } };
}

/** Helpers for seeding through the real API, as an officer's integration would. */
export class SnowlineApi {
  constructor(private readonly request: APIRequestContext) {}

  readonly token = readFileSync(tokenFileOf(dataDirOfTest()), "utf8").trim();

  async assets(layer?: string): Promise<{ seq: number; features: AssetFeature[] }> {
    const res = await this.request.get(`/api/v1/assets${layer ? `?layer=${layer}` : ""}`);
    expect(res.status()).toBe(200);
    return res.json();
  }

  /** Assets of a layer sorted by id, so each test can take its own and not disturb the others. */
  async assetAt(layer: string, index: number): Promise<AssetFeature> {
    const { features } = await this.assets(layer);
    const sorted = [...features].sort((a, b) => a.id.localeCompare(b.id));
    return sorted[index % sorted.length]!;
  }

  async postChanges(changes: unknown[]): Promise<{ seq: number }> {
    const res = await this.request.post("/api/v1/changes", {
      headers: { authorization: `Bearer ${this.token}` },
      data: { changes },
    });
    expect(res.status(), await res.text()).toBe(201);
    return res.json();
  }
}

/** Adds a council notice with the real CLI, as an officer at the server's shell would; returns its id. */
export function addNoticeWithCli(level: string, text: string, window: { from?: Date; until?: Date } = {}): string {
  const args = ["bin/snowline.mjs", "notice", "add", level, text];
  if (window.from) args.push("--from", window.from.toISOString());
  if (window.until) args.push("--until", window.until.toISOString());
  const output = execFileSync(process.execPath, args, { env: { ...process.env, SNOWLINE_DATA_DIR: dataDirOfTest() }, encoding: "utf8" });
  return output.trim().split("\n").at(-1)!;
}

export function endNoticeWithCli(id: string): void {
  execFileSync(process.execPath, ["bin/snowline.mjs", "notice", "end", id], { env: { ...process.env, SNOWLINE_DATA_DIR: dataDirOfTest() } });
}

/** Runs axe (WCAG 2.0–2.2 A and AA) on the page and expects no violations, listing any it finds. */
export async function expectNoAxeViolations(page: Page, include?: string): Promise<void> {
  let builder = new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]);
  if (include) builder = builder.include(include);
  const { violations } = await builder.analyze();
  const summary = violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(" ")).slice(0, 5).join("\n  ")}`);
  expect(summary, "axe violations").toEqual([]);
}

export const test = base.extend<{ api: SnowlineApi }>({
  page: async ({ page }, use) => {
    // Map tiles cannot load on this machine: answer them empty instead of waiting.
    await page.route(/tiles\.snowline\.test|tile\.openstreetmap\.org/, (route) => route.fulfill({ status: 204, body: "" }));
    await use(page);
  },
  api: async ({ request }, use) => use(new SnowlineApi(request)),
});

export { expect };
