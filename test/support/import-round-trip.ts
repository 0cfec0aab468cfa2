import { expect } from "vitest";
import type { Layer } from "../../lib/domain/layers";
import type { ImportReport } from "../../lib/import/import-report";
import { postImport } from "./admin-api";
import type { TestServer } from "./test-server";

/** Imports a file through the admin API (applied), expecting it to be accepted. */
export async function upload(t: TestServer, layer: Layer, name: string, data: Uint8Array | string, query: Record<string, string> = {}): Promise<ImportReport> {
  const res = await postImport(t, { layer, dryRun: "false", ...query }, [{ name, data }]);
  expect(res.status).toBe(200);
  return res.json();
}

/** A layer as the admin export endpoint gives it. */
export async function exported(t: TestServer, layer: Layer, format: string): Promise<string> {
  const res = await fetch(`${t.url}/api/v1/admin/exports?layer=${layer}&format=${format}`, { headers: await t.adminHeaders() });
  expect(res.status).toBe(200);
  return res.text();
}

/** Imports an export back (applied), expecting every asset unchanged and every status kept. */
export async function expectRoundTrip(t: TestServer, layer: Layer, format: "geojson" | "csv" | "kml", count: number): Promise<void> {
  const before = await t.store.listAssets({ layer });
  const report = await upload(t, layer, `export.${format}`, await exported(t, layer, format));
  expect(report.counts).toEqual({ read: report.counts.read, assets: count, add: 0, update: 0, unchanged: count, rejected: 0 });
  expect(report.warnings.join(" ")).toMatch(/Ignored status, .*an import never changes statuses/);
  expect(await t.store.listAssets({ layer })).toEqual(before);
}
