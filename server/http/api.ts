import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { getConnInfo } from "@hono/node-server/conninfo";
import { toFeature, toFeatureCollection } from "../../lib/api/geojson";
import { buildOpenApiDocument } from "../../lib/api/openapi";
import { assetsQuerySchema, changesQuerySchema } from "../../lib/api/queries";
import { NotFoundError } from "../../lib/domain/errors";
import { changeBatchInputSchema } from "../../lib/domain/status";
import { parseInput } from "../../lib/domain/validation";
import { requireTokenActor } from "./auth";
import type { HttpDeps } from "./context";
import { errorResponse, httpError } from "./errors";
import { readJson } from "./read-json";

export const API_BODY_LIMIT_BYTES = 1024 * 1024;
const ASSET_HISTORY_LIMIT = 50;

/** The JSON API under /api/v1 plus health checks. Handlers stay thin: parse, call lib/, shape the reply. */
export function createApi(deps: HttpDeps): Hono {
  const app = new Hono();
  const openApiDocument = buildOpenApiDocument();

  app.onError((error, c) => errorResponse(c, error, deps.logger));
  app.notFound((c) => httpError(c, 404, `No API route ${c.req.method} ${c.req.path}`));

  app.get("/healthz", (c) => c.json({ status: "ok" }));
  app.get("/readyz", async (c) => {
    const checks = await Promise.allSettled([deps.store.ping(), deps.bus.ping()]);
    const [database, bus] = checks.map((r) => (r.status === "fulfilled" ? "ok" : "unreachable"));
    const ready = database === "ok" && bus === "ok";
    return c.json({ status: ready ? "ready" : "not ready", database, bus }, ready ? 200 : 503);
  });

  const api = new Hono();
  api.get("/openapi.json", (c) => c.json(openApiDocument));

  api.get("/assets", async (c) => {
    const query = parseInput(assetsQuerySchema, c.req.query(), "Invalid query");
    const seq = await deps.store.headSeq();
    const assets = await deps.store.listAssets(query);
    return c.json(toFeatureCollection(assets, seq));
  });

  api.get("/assets/:id", async (c) => {
    const id = c.req.param("id");
    const asset = await deps.store.getAsset(id);
    if (!asset) throw new NotFoundError(`No asset has the id ${id}`);
    const history = await deps.store.assetHistory(id, ASSET_HISTORY_LIMIT);
    return c.json({ ...toFeature(asset), history });
  });

  api.get("/changes", async (c) => {
    const { since, limit } = parseInput(changesQuerySchema, c.req.query(), "Invalid query");
    const seq = await deps.store.headSeq();
    const changes = await deps.store.changesSince(since, limit);
    const last = changes.at(-1)?.seq ?? since;
    return c.json({ seq, changes, hasMore: last < seq });
  });

  api.post(
    "/changes",
    bodyLimit({
      maxSize: API_BODY_LIMIT_BYTES,
      onError: (c) => httpError(c, 413, `The request body is larger than ${API_BODY_LIMIT_BYTES / 1024 / 1024} MB`),
    }),
    async (c) => {
      const actor = await requireTokenActor(c, deps);
      const body = parseInput(changeBatchInputSchema, await readJson(c), "The changes are invalid; nothing was stored");
      const ip = getConnInfo(c).remote.address ?? null;
      const batch = await deps.changes.post(body.changes, actor, ip);
      return c.json({ seq: batch.toSeq, changes: batch.changes }, 201);
    },
  );

  app.route("/api/v1", api);
  return app;
}
