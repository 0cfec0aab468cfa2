import type { Hono } from "hono";
import { compress } from "hono/compress";
import { publicRoutes } from "../../../lib/api/contract/public-routes";
import { toMapFeatureCollection } from "../../../lib/api/map-geometry";
import { toPublicStatusList } from "../../../lib/api/public-statuses";
import { assetsQuerySchema, statusesQuerySchema } from "../../../lib/api/queries";
import { parseInput } from "../../../lib/domain/validation";
import type { ApiEnv } from "../authorize";
import { bindRoute } from "../bind-route";
import type { HttpDeps } from "../context";
import { lastSnapshotOnOutage } from "../last-snapshot";

/** Light public reads for the live map and list: statuses without shapes, shapes without statuses. */
export function mapRoutes(api: Hono<ApiEnv>, deps: HttpDeps): void {
  bindRoute(api, deps, publicRoutes.statuses, compress(), lastSnapshotOnOutage(deps.clock), async (c) => {
    const query = parseInput(statusesQuerySchema, c.req.query(), "Invalid query");
    const seq = await deps.store.headSeq();
    const assets = await deps.store.listAssetSummaries(query);
    c.header("cache-control", "no-store");
    return c.json(toPublicStatusList(assets, seq));
  });

  // Made once per import by the public cache (server/http/public-cache), which also compresses it and adds its ETag.
  bindRoute(api, deps, publicRoutes.geometry, compress(), lastSnapshotOnOutage(deps.clock), async (c) => {
    const { layer } = parseInput(assetsQuerySchema, c.req.query(), "Invalid query");
    c.header("cache-control", "public, max-age=60");
    return c.json(toMapFeatureCollection(await deps.store.listAssets({ layer })));
  });
}
