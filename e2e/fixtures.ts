import { readFileSync } from "node:fs";
import { test as base, expect, type APIRequestContext } from "@playwright/test";
import { TOKEN_FILE } from "./support/global-setup";

export interface AssetFeature {
  id: string;
  properties: { name: string; layer: string; status: { code: string; version: number; message: string } };
}

/** Helpers for seeding through the real API, as an officer's integration would. */
export class SnowlineApi {
  constructor(private readonly request: APIRequestContext) {}

  readonly token = readFileSync(TOKEN_FILE, "utf8").trim();

  async assets(layer?: string): Promise<{ seq: number; features: AssetFeature[] }> {
    const res = await this.request.get(`/api/v1/assets${layer ? `?layer=${layer}` : ""}`);
    expect(res.status()).toBe(200);
    return res.json();
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

export const test = base.extend<{ api: SnowlineApi }>({
  page: async ({ page }, use) => {
    // Map tiles cannot load on this machine: answer them empty instead of waiting.
    await page.route(/tiles\.snowline\.test|tile\.openstreetmap\.org/, (route) => route.fulfill({ status: 204, body: "" }));
    await use(page);
  },
  api: async ({ request }, use) => use(new SnowlineApi(request)),
});

export { expect };
