import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openSqliteStore } from "../../lib/store/sqlite-store";
import { sampleAssets, T0 } from "../../test/support/fixtures";
import { verifyPassword } from "../auth/passwords";

// Each run of the real CLI starts Node and tsx (a second or two on a busy machine).
describe("npx snowline user …", { timeout: 180_000 }, () => {
  let dir: string;
  const cli = (args: string[], input?: string) => {
    const result = spawnSync(process.execPath, ["bin/snowline.mjs", ...args], {
      env: { ...process.env, SNOWLINE_DATA_DIR: dir, DATABASE_URL: "", PORT: "3999", SNOWLINE_PUBLIC_URL: "" },
      input,
      encoding: "utf8",
    });
    return { code: result.status, out: result.stdout.trim(), err: result.stderr.trim() };
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "snowline-cli-"));
    const store = await openSqliteStore(dir);
    await store.upsertAssets(sampleAssets(), T0);
    await store.close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("adds an admin with a password from stdin, an officer and a site editor with one-time links, lists and disables them", async () => {
    const admin = cli(["user", "add", "Ada@Council.gov.uk", "--role", "admin", "--name", "Ada Admin", "--password-stdin"], "a long enough pass phrase\n");
    expect(admin).toMatchObject({ code: 0, out: "Created administrator ada@council.gov.uk (Ada Admin), who may change every layer.\nThey can sign in with the password you gave." });

    const officer = cli(["user", "add", "bins@council.gov.uk", "--role", "officer", "--layers", "bins,gritting"]);
    expect(officer.code).toBe(0);
    const lines = officer.out.split("\n");
    expect(lines[0]).toBe("Created officer bins@council.gov.uk (bins), who may change bin collections and gritting routes.");
    expect(lines.at(-1)).toMatch(/^http:\/\/localhost:3999\/sign-in\/link#token=snl_link_[A-Za-z0-9_-]{43}$/);

    expect(cli(["user", "add", "head@ashdown.sch.uk", "--role", "site", "--assets", "school-1"]).code).toBe(0);
    const list = cli(["user", "list"]).out.split("\n");
    expect(list).toHaveLength(3);
    expect(list[0]).toMatch(/^ada@council\.gov\.uk\s+admin\s+active\s+last sign-in never\s+may change every layer$/);
    expect(list[2]).toMatch(/^head@ashdown\.sch\.uk\s+site\s+invited .*may change only the asset school-1$/);

    expect(cli(["user", "disable", "bins@council.gov.uk"]).out).toBe("Disabled bins@council.gov.uk; their sessions have ended.");
    expect(cli(["user", "list"]).out).toMatch(/bins@council\.gov\.uk\s+officer\s+disabled/);

    const store = await openSqliteStore(dir);
    try {
      const ada = await store.users.findByEmail("ada@council.gov.uk");
      expect(await verifyPassword(ada!.passwordHash!, "a long enough pass phrase")).toBe(true);
    } finally {
      await store.close();
    }
  });

  it("explains what is missing and stores nothing", () => {
    const noLayers = cli(["user", "add", "x@council.gov.uk", "--role", "officer"]);
    expect(noLayers.code).toBe(1);
    expect(noLayers.err).toBe("The account details are invalid\n  --layers: Choose at least one layer this officer may change");
    const shortPassword = cli(["user", "add", "y@council.gov.uk", "--role", "admin", "--password-stdin"], "short");
    expect(shortPassword.code).toBe(1);
    expect(shortPassword.err).toMatch(/password: Use at least 12 characters/);
    // Finding 7: the CLI applies the same rule as the HTTP route.
    for (const weak of [" ".repeat(12), "password1234", "123456789012"]) {
      const refused = cli(["user", "add", "v@council.gov.uk", "--role", "admin", "--password-stdin"], weak);
      expect(refused.code).toBe(1);
      expect(refused.err).toMatch(/password: (?:Use .*not only spaces|This is one of the most commonly used passwords)/);
    }
    const unknownAsset = cli(["user", "add", "z@school.org", "--role", "site", "--assets", "school-404"]);
    expect(unknownAsset.err).toMatch(/--assets: No asset has the id school-404/);
    expect(cli(["user", "add", "w@council.gov.uk"]).code).toBe(2);
    expect(cli(["user", "list"]).out).not.toMatch(/[vxyzw]@/);
  });
});
