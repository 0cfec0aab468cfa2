import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Store } from "../../lib/store/store";
import { describeWithRealData, realPath, REAL_FILES } from "../../test/support/real-data";
import { streetsShapefile } from "../../test/support/small-council-files";
import { sqliteFactory } from "../../test/support/stores";
import { exportCommand, importCommand } from "./import-commands";

const run = promisify(execFile);
const CSV = "URN,name,lat,lon\n900001,Ashdown Primary,53.42,-2.32\n900002,Brookfield High,north,-2.31\n";

describe("import and export commands", () => {
  let store: Store;
  let dispose: () => Promise<void>;
  let dir: string;
  beforeEach(async () => {
    ({ store, dispose } = await sqliteFactory.open());
    dir = mkdtempSync(join(tmpdir(), "snowline-cli-"));
  });
  afterEach(async () => {
    await dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it("prints the dry-run report, naming the rejected row, and stores nothing; without --dry-run it imports", async () => {
    const file = join(dir, "schools.csv");
    writeFileSync(file, CSV);
    const dry = await importCommand(store, "schools", file, { "dry-run": true }, 0);
    expect(dry[0]).toBe("Dry run (nothing stored): schools from csv");
    expect(dry).toContain("  urn-900001  Ashdown Primary  [row 2]");
    expect(dry).toContain('  row 3, lat: lat is not a number: "north"');
    expect(await store.countAssets()).toBe(0);
    const applied = await importCommand(store, "schools", file, {}, 0);
    expect(applied[0]).toBe("Imported: schools from csv");
    expect(await store.countAssets()).toBe(1);
  });

  it("says what is wrong with the options, the file name or the file", async () => {
    const file = join(dir, "schools.csv");
    writeFileSync(file, CSV);
    await expect(importCommand(store, "roads", file, {}, 0)).rejects.toThrow(/Invalid import options\n {2}layer: /);
    await expect(importCommand(store, "schools", join(dir, "schools.xlsx"), {}, 0)).rejects.toThrow(/Cannot tell the format.*--format/);
    await expect(importCommand(store, "schools", join(dir, "missing.csv"), {}, 0)).rejects.toThrow(/No such file/);
    writeFileSync(file, "URN,name,lat,lon\n1,A,x,y\n");
    await expect(importCommand(store, "schools", file, {}, 0)).rejects.toThrow(/row 2, lon: .*\n\nNo row of the file could be imported; nothing was stored/);
  });

  it("exports to a file or to standard output", async () => {
    const file = join(dir, "schools.csv");
    writeFileSync(file, CSV);
    await importCommand(store, "schools", file, {}, 0);
    const out = join(dir, "out.geojson");
    expect(await exportCommand(store, "schools", { format: "geojson", out })).toEqual([`Exported 1 schools assets as geojson to ${out}.`]);
    expect(JSON.parse(readFileSync(out, "utf8")).features[0].properties).toMatchObject({ id: "urn-900001", status: "open" });
    const [kml] = await exportCommand(store, "schools", { format: "kml" });
    expect(kml).toMatch(/^<\?xml|^<kml/);
    await expect(exportCommand(store, "schools", { format: "shp" })).rejects.toThrow(/format: format must be one of geojson, csv, kml/);
  });
});

describe("npx snowline import (the real command)", () => {
  // Each run starts node with tsx, which compiles the command first: seconds on a busy machine.
  it("imports a shapefile by its .shp path, reading the .dbf and .prj beside it", async () => {
    const dir = mkdtempSync(join(tmpdir(), "snowline-cli-"));
    try {
      const parts = streetsShapefile();
      writeFileSync(join(dir, "Streets.shp"), parts.shp);
      writeFileSync(join(dir, "Streets.dbf"), parts.dbf!);
      writeFileSync(join(dir, "Streets.prj"), parts.prj!);
      const env = { ...process.env, SNOWLINE_DATA_DIR: join(dir, "data"), DATABASE_URL: "", LOG_LEVEL: "silent" };
      const { stdout } = await run(process.execPath, ["bin/snowline.mjs", "import", "gritting", join(dir, "Streets.shp")], { env });
      expect(stdout).toMatch(/^Imported: gritting from shapefile\n {2}read 3 features; coordinates: British National Grid \(EPSG:27700\)/);
      expect(stdout).toContain("2 assets: 2 to add, 0 to update, 0 unchanged; 0 features rejected");
      const failed = await run(process.execPath, ["bin/snowline.mjs", "import", "gritting", join(dir, "Streets.shp"), "--crs", "EPSG:4326"], { env }).catch((e: { code: number; stderr: string }) => e);
      expect(failed).toMatchObject({ code: 1, stderr: expect.stringMatching(/said to be WGS84.*look like British National Grid/) });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

describeWithRealData("npx snowline import of the real council files", () => {
  it("imports Manchester's shapefile by its .shp path, reading the .dbf and .prj beside it", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "snowline-cli-"));
    try {
      const env = { ...process.env, SNOWLINE_DATA_DIR: dataDir, DATABASE_URL: "", LOG_LEVEL: "silent" };
      const { stdout } = await run(process.execPath, ["bin/snowline.mjs", "import", "gritting", realPath(REAL_FILES.manchesterShp)], { env });
      expect(stdout).toMatch(/^Imported: gritting from shapefile\n {2}read 7942 features; coordinates: British National Grid \(EPSG:27700\)/);
      expect(stdout).toContain("911 assets: 911 to add, 0 to update, 0 unchanged; 0 features rejected");
      const failed = await run(process.execPath, ["bin/snowline.mjs", "import", "gritting", realPath(REAL_FILES.manchesterShp), "--crs", "EPSG:4326"], { env }).catch((e: { code: number; stderr: string }) => e);
      expect(failed).toMatchObject({ code: 1, stderr: expect.stringMatching(/said to be WGS84.*look like British National Grid/) });
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});
