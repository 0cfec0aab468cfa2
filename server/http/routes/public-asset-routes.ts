import { createHash } from "node:crypto";
import type { Hono } from "hono";
import { toFeature, toFeatureCollection } from "../../../lib/api/geojson";
import { publicRoutes } from "../../../lib/api/contract/public-routes";
import { buildOpenApiDocument } from "../../../lib/api/openapi";
import { assetsQuerySchema, changesQuerySchema } from "../../../lib/api/queries";
import { NotFoundError } from "../../../lib/domain/errors";
import { parseInput } from "../../../lib/domain/validation";
import { toEtag } from "../../../lib/api/http-cache";
import type { ApiEnv } from "../authorize";
import { bindRoute } from "../bind-route";
import type { HttpDeps } from "../context";
import { conditionalGet } from "../public-get";

const ASSET_HISTORY_LIMIT = 50;

/** Public, read-only: assets with their public status, and the public change log. */
export function publicAssetRoutes(api: Hono<ApiEnv>, deps: HttpDeps): void {
  const openApiDocument = buildOpenApiDocument();
  bindRoute(api, deps, publicRoutes.openApi, conditionalGet(deps), (c) => c.json(openApiDocument));

  bindRoute(api, deps, publicRoutes.listAssets, conditionalGet(deps), async (c) => {
    const query = parseInput(assetsQuerySchema, c.req.query(), "Invalid query");
    const seq = await deps.store.headSeq();
    const assets = await deps.store.listAssets(query);
    return c.json(toFeatureCollection(assets, seq));
  });

  bindRoute(api, deps, publicRoutes.getAsset, conditionalGet(deps), async (c) => {
    const id = c.req.param("id");
    const asset = await deps.store.getAsset(id);
    if (!asset) throw new NotFoundError(`No asset has the id ${id}`);
    const history = await deps.store.assetHistory(id, ASSET_HISTORY_LIMIT);
    return c.json({ ...toFeature(asset), history });
  });

  // Notices have no seq; their validators come from what is showing now.
  const noticeValidators = async () => {
    const notices = await deps.store.publicNotices(deps.clock.now());
    const hash = createHash("sha256").update(JSON.stringify(notices)).digest("base64url").slice(0, 22);
    const created = notices.map((n) => Date.parse(n.createdAt));
    return { etag: toEtag(`n-${hash}`), lastModified: created.length ? Math.max(...created) : null };
  };
  bindRoute(api, deps, publicRoutes.publicNotices, conditionalGet(deps, noticeValidators), async (c) => {
    return c.json({ notices: await deps.store.publicNotices(deps.clock.now()) });
  });

  bindRoute(api, deps, publicRoutes.changesSince, conditionalGet(deps), async (c) => {
    const { since, limit } = parseInput(changesQuerySchema, c.req.query(), "Invalid query");
    const seq = await deps.store.headSeq();
    const changes = await deps.store.changesSince(since, limit);
    const last = changes.at(-1)?.seq ?? since;
    return c.json({ seq, changes, hasMore: last < seq });
  });
}
