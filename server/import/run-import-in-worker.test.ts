import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ImportLimitError } from "../../lib/import/import-limits";
import { importOptionsSchema } from "../../lib/import/import-options";
import type { Store } from "../../lib/store/store";
import { sqliteFactory } from "../../test/support/stores";
import { DEFAULT_IMPORT_WORKER_LIMITS, runImportInWorker } from "./run-import-in-worker";

const SCHOOLS_CSV = Buffer.from("URN,name,lat,lon\n900001,Ashdown Primary,53.42,-2.32\n900002,Brookfield High,53.43,-2.31\n");
const manySchools = (rows: number) =>
  Buffer.from(["URN,name,lat,lon,notes", ...Array.from({ length: rows }, (_, i) => `${i + 1},School ${i},53.4,-2.3,${"n".repeat(100)}`)].join("\n"));

describe("an import in a worker thread", () => {
  let store: Store;
  let dispose: () => Promise<void>;
  beforeAll(async () => ({ store, dispose } = await sqliteFactory.open()));
  afterAll(async () => dispose());
  const options = (dryRun: boolean) => importOptionsSchema.parse({ layer: "schools", format: "csv", dryRun });
  const refusal = (promise: Promise<unknown>) => promise.then(() => null, (error: unknown) => error);

  it("plans in the worker and writes on the main thread: a dry run stores nothing, a real run stores the plan", async () => {
    const dry = await runImportInWorker(store, { format: "csv", bytes: SCHOOLS_CSV }, options(true), 0);
    expect(dry.summary).toMatchObject({ dryRun: true, applied: false, counts: { add: 2 } });
    expect(await store.findAssets(["urn-900001"])).toEqual([]);
    const real = await runImportInWorker(store, { format: "csv", bytes: SCHOOLS_CSV }, options(false), 0);
    expect(JSON.parse(real.reportJson)).toMatchObject({ applied: true, counts: { add: 2 }, assets: [{ id: "urn-900001", action: "add" }, { id: "urn-900002", action: "add" }] });
    expect((await store.findAssets(["urn-900001", "urn-900002"])).map((a) => a.name).sort()).toEqual(["Ashdown Primary", "Brookfield High"]);
    const again = await runImportInWorker(store, { format: "csv", bytes: SCHOOLS_CSV }, options(true), 0);
    expect(again.summary.counts).toMatchObject({ add: 0, unchanged: 2 });
  });

  it("stops a worker that runs past the time cap, naming it, and stores nothing", async () => {
    const error = await refusal(runImportInWorker(store, { format: "csv", bytes: manySchools(1000) }, options(false), 0, { ...DEFAULT_IMPORT_WORKER_LIMITS, timeMs: 1 }));
    expect(error).toBeInstanceOf(ImportLimitError);
    expect(error).toMatchObject({ limit: "time", fieldErrors: [{ path: "file.time" }] });
    expect(await store.findAssets(["urn-1"])).toEqual([]);
  });

  it("stops a worker that needs more memory than the cap, naming it, and the server goes on", async () => {
    const error = await refusal(runImportInWorker(store, { format: "csv", bytes: manySchools(50_000) }, options(false), 0, { ...DEFAULT_IMPORT_WORKER_LIMITS, memoryMb: 8 }));
    expect(error).toBeInstanceOf(ImportLimitError);
    expect(error).toMatchObject({ limit: "memory", message: expect.stringMatching(/more than 8 MB/) });
    expect(await store.findAssets(["urn-1"])).toEqual([]);
    expect((await runImportInWorker(store, { format: "csv", bytes: SCHOOLS_CSV }, options(true), 0)).summary.counts.read).toBe(2);
  });
});
