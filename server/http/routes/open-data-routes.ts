import type { Hono } from "hono";
import { assetsQuerySchema } from "../../../lib/api/queries";
import { parseInput } from "../../../lib/domain/validation";
import { assetsToCsv } from "../../../lib/feeds/assets-csv";
import { assetsToGeoJson } from "../../../lib/feeds/assets-geojson";
import { siteLinks } from "../../../lib/feeds/site-links";
import type { HttpDeps } from "../context";
import { baseUrlOf, conditionalGet, versionedMemo } from "../public-get";

/** Bulk downloads of every asset with its status: GeoJSON and CSV, with licence and attribution. */
export function openDataRoutes(api: Hono, deps: HttpDeps): void {
  const queries = deps.store.openData;
  const memo = versionedMemo<string>();

  api.get("/assets.geojson", conditionalGet(deps), async (c) => {
    const { layer } = parseInput(assetsQuerySchema, c.req.query(), "Invalid query");
    const version = await queries.datasetVersion();
    const body = await memo(`geojson|${layer ?? ""}|${version.tag}`, async () => {
      const assets = await deps.store.listAssets({ layer });
      return JSON.stringify(assetsToGeoJson(assets, version.seq, deps.config.dataLicence, version.lastModified));
    });
    return c.body(body, 200, { "Content-Type": "application/geo+json; charset=utf-8" });
  });

  api.get("/assets.csv", conditionalGet(deps), async (c) => {
    const { layer } = parseInput(assetsQuerySchema, c.req.query(), "Invalid query");
    const version = await queries.datasetVersion();
    const base = baseUrlOf(c, deps);
    const body = await memo(`csv|${layer ?? ""}|${base}|${version.tag}`, async () =>
      assetsToCsv(await deps.store.listAssets({ layer }), siteLinks(base)),
    );
    return c.body(body, 200, {
      "Content-Type": "text/csv; charset=utf-8; header=present",
      "Content-Disposition": `inline; filename="snowline-${layer ?? "assets"}.csv"`,
    });
  });
}
