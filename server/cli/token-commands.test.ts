import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { TOKEN_MAX_DAYS } from "../../lib/domain/api-tokens";
import { ValidationError } from "../../lib/domain/errors";
import { openSqliteStore } from "../../lib/store/sqlite-store";
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

// Each run of the real CLI starts Node and tsx (a second or two on a busy machine).
describe("npx snowline token add, run for real", { timeout: 60_000 }, () => {
  it("exits with the schema's message for an expiry beyond the limit, and creates a valid token otherwise", async () => {
    const dir = mkdtempSync(join(tmpdir(), "snowline-cli-"));
    try {
      const cli = (args: string[]) => {
        const result = spawnSync(process.execPath, ["bin/snowline.mjs", ...args], {
          env: { ...process.env, SNOWLINE_DATA_DIR: dir, DATABASE_URL: "", REDIS_URL: "" },
          encoding: "utf8",
        });
        return { code: result.status, out: result.stdout.trim(), err: result.stderr.trim() };
      };
      const refused = cli(["token", "add", "feed", "--expires-days", String(TOKEN_MAX_DAYS + 1)]);
      expect(refused.code).toBe(1);
      expect(refused.err).toContain(`--expires-days: A token works for at most ${TOKEN_MAX_DAYS} days`);

      const created = cli(["token", "add", "newsroom", "--layers", "schools", "--expires-days", "7"]);
      expect(created.code, created.err).toBe(0);
      const token = created.out.split("\n").at(-1)!;
      const store = await openSqliteStore(dir);
      try {
        const verified = await store.tokens.verify(token, Date.now());
        expect(verified).toMatchObject({ name: "newsroom", layers: ["schools"] });
      } finally {
        await store.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
