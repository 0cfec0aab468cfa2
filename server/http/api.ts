import { Hono } from "hono";
import type { HttpDeps } from "./context";
import { errorResponse, httpError } from "./errors";
import { changeRoutes } from "./routes/change-routes";
import { healthRoutes } from "./routes/health-routes";
import { mapRoutes } from "./routes/map-routes";
import { publicAssetRoutes } from "./routes/public-asset-routes";

/** The JSON API under /api/v1 plus health checks. Each route module stays thin: parse, call lib/, reply. */
export function createApi(deps: HttpDeps): Hono {
  const app = new Hono();
  app.onError((error, c) => errorResponse(c, error, deps.logger));
  app.notFound((c) => httpError(c, 404, `No API route ${c.req.method} ${c.req.path}`));
  healthRoutes(app, deps);

  const api = new Hono();
  publicAssetRoutes(api, deps);
  mapRoutes(api, deps);
  changeRoutes(api, deps);
  app.route("/api/v1", api);
  return app;
}
