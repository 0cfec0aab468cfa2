import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { TOKEN_MAX_DAYS } from "../../lib/domain/api-tokens";
import { ValidationError } from "../../lib/domain/errors";
import type { Store } from "../../lib/store/store";
import { sqliteFactory } from "../../test/support/stores";
import { tokenAdd, tokenList } from "./token-commands";
import { describeCliError } from "./user-commands";

const NOW = Date.parse("2026-12-01T06:00:00Z");
const DAY = 86_400_000;
const by = "officer (command line)";

describe("npx snowline token", () => {
  let store: Store;
  let dispose: () => Promise<void>;
  beforeEach(async () => ({ store, dispose } = await sqliteFactory.open()));
  afterEach(() => dispose());

  it("creates a token for every layer that never expires when given only a name", async () => {
    const [line, , token] = await tokenAdd(store, "newsroom", { now: NOW, createdBy: by });
    expect(line).toMatch(/^Created API token "newsroom" \(id .+\) for every layer\.$/);
    const [record] = await store.tokens.list();
    expect(record).toMatchObject({ name: "newsroom", layers: null, expiresAt: null, createdBy: by });
    expect(await store.tokens.verify(token!, NOW)).not.toBeNull();
  });

  it("limits a token to the given layers and days", async () => {
    await tokenAdd(store, "gritting feed", { now: NOW, createdBy: by, layers: "gritting, gritting", expiresDays: "30" });
    expect((await store.tokens.list())[0]).toMatchObject({ layers: ["gritting"], expiresAt: NOW + 30 * DAY });
    expect((await tokenList(store, NOW + 31 * DAY))[0]).toContain("expired");
  });

  // The CLI used to skip tokenInputSchema: it took any name and any number of days.
  it("refuses what the console API refuses, naming the flag, and stores nothing", async () => {
    const refusals: Array<[string, Parameters<typeof tokenAdd>[2], string]> = [
      ["x".repeat(81), { now: NOW, createdBy: by }, "NAME"],
      ["bell\u0007", { now: NOW, createdBy: by }, "NAME"],
      ["feed", { now: NOW, createdBy: by, expiresDays: String(TOKEN_MAX_DAYS + 1) }, "--expires-days"],
      ["feed", { now: NOW, createdBy: by, expiresDays: "1.5" }, "--expires-days"],
      ["feed", { now: NOW, createdBy: by, expiresDays: "0" }, "--expires-days"],
      ["feed", { now: NOW, createdBy: by, layers: "parks" }, "--layers"],
      ["feed", { now: NOW, createdBy: by, layers: "," }, "--layers"],
    ];
    for (const [name, options, flag] of refusals) {
      const error = await tokenAdd(store, name, options).catch((e: unknown) => e);
      expect(error, `${name} ${JSON.stringify(options)}`).toBeInstanceOf(ValidationError);
      expect(describeCliError(error)).toMatch(new RegExp(`^The token details are invalid\\n  ${flag}[.:]`));
    }
    expect(await store.tokens.list()).toEqual([]);
  });

  it("accepts the longest expiry the console allows", async () => {
    await tokenAdd(store, "feed", { now: NOW, createdBy: by, expiresDays: String(TOKEN_MAX_DAYS) });
    expect((await store.tokens.list())[0]!.expiresAt).toBe(NOW + TOKEN_MAX_DAYS * DAY);
  });
});
