import type { Hono } from "hono";
import { publicRoutes } from "../../../lib/api/contract/public-routes";
import { assetsQuerySchema } from "../../../lib/api/queries";
import { parseInput } from "../../../lib/domain/validation";
import { assetsToCsv } from "../../../lib/feeds/assets-csv";
import { assetsToGeoJson } from "../../../lib/feeds/assets-geojson";
import { siteLinks } from "../../../lib/feeds/site-links";
import type { ApiEnv } from "../authorize";
import { bindRoute } from "../bind-route";
import type { HttpDeps } from "../context";
import { baseUrlOf, conditionalGet } from "../public-get";

/**
 * Bulk downloads of every asset with its status: GeoJSON and CSV, with licence and attribution.
 * Made once per data version by the public cache in front (server/http/public-cache).
 */
export function openDataRoutes(api: Hono<ApiEnv>, deps: HttpDeps): void {
  const queries = deps.store.openData;

  bindRoute(api, deps, publicRoutes.assetsGeoJson, conditionalGet(deps), async (c) => {
    const { layer } = parseInput(assetsQuerySchema, c.req.query(), "Invalid query");
    const version = await queries.datasetVersion();
    const assets = await deps.store.listAssets({ layer });
    const body = JSON.stringify(assetsToGeoJson(assets, version.seq, deps.config.dataLicence, version.lastModified));
    return c.body(body, 200, { "Content-Type": "application/geo+json; charset=utf-8" });
  });

  bindRoute(api, deps, publicRoutes.assetsCsv, conditionalGet(deps), async (c) => {
    const { layer } = parseInput(assetsQuerySchema, c.req.query(), "Invalid query");
    const body = assetsToCsv(await deps.store.listAssets({ layer }), siteLinks(baseUrlOf(c, deps)));
    return c.body(body, 200, {
      "Content-Type": "text/csv; charset=utf-8; header=present",
      "Content-Disposition": `inline; filename="snowline-${layer ?? "assets"}.csv"`,
    });
  });
}
