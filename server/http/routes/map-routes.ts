import type { Hono } from "hono";
import { compress } from "hono/compress";
import { publicRoutes } from "../../../lib/api/contract/public-routes";
import { toMapFeatureCollection } from "../../../lib/api/map-geometry";
import { toPublicStatusList } from "../../../lib/api/public-statuses";
import { assetsQuerySchema, statusesQuerySchema } from "../../../lib/api/queries";
import { parseInput } from "../../../lib/domain/validation";
import type { ApiEnv } from "../authorize";
import { bindRoute } from "../bind-route";
import { createCachedJson } from "../cached-response";
import type { HttpDeps } from "../context";
import { lastSnapshotOnOutage } from "../last-snapshot";

/** Shapes change only on imports; a minute's delay there is fine, and it spares the server at peak. */
export const GEOMETRY_CACHE_MS = 60_000;

/** Light public reads for the live map and list: statuses without shapes, shapes without statuses. */
export function mapRoutes(api: Hono<ApiEnv>, deps: HttpDeps): void {
  const geometry = createCachedJson({ ttlMs: GEOMETRY_CACHE_MS, now: () => deps.clock.now() });

  bindRoute(api, deps, publicRoutes.statuses, compress(), lastSnapshotOnOutage(deps.clock), async (c) => {
    const query = parseInput(statusesQuerySchema, c.req.query(), "Invalid query");
    const seq = await deps.store.headSeq();
    const assets = await deps.store.listAssetSummaries(query);
    c.header("cache-control", "no-store");
    return c.json(toPublicStatusList(assets, seq));
  });

  bindRoute(api, deps, publicRoutes.geometry, async (c) => {
    const { layer } = parseInput(assetsQuerySchema, c.req.query(), "Invalid query");
    return geometry.respond(c, layer ?? "all", async () => toMapFeatureCollection(await deps.store.listAssets({ layer })));
  });
}
