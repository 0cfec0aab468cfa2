import { Hono, type MiddlewareHandler } from "hono";
import type { ApiEnv } from "./authorize";
import type { HttpDeps } from "./context";
import { errorResponse, httpError } from "./errors";
import { adminImportRoutes } from "./routes/admin-import-routes";
import { auditRoutes } from "./routes/audit-routes";
import { authRoutes } from "./routes/auth-routes";
import { changeRoutes } from "./routes/change-routes";
import { healthRoutes } from "./routes/health-routes";
import { noticeRoutes } from "./routes/notice-routes";
import { mapRoutes } from "./routes/map-routes";
import { publicAssetRoutes } from "./routes/public-asset-routes";
import { feedRoutes } from "./routes/feed-routes";
import { oembedRoutes } from "./routes/oembed-routes";
import { openDataRoutes } from "./routes/open-data-routes";
import { webhookRoutes } from "./routes/webhook-routes";
import { publicCors } from "./public-get";
import { limitRate } from "./rate-limit";
import { templateRoutes } from "./routes/template-routes";
import { tokenRoutes } from "./routes/token-routes";
import { userRoutes } from "./routes/user-routes";

/** The JSON API under /api/v1 plus health checks. Each route module stays thin: parse, call lib/, reply. */
export function createApi(deps: HttpDeps): Hono {
  const app = new Hono();
  app.onError((error, c) => errorResponse(c, error, deps.logger));
  app.notFound((c) => httpError(c, 404, `No API route ${c.req.method} ${c.req.path}`));
  // Only answers that say they are public may be kept by a shared cache; anything else (personal,
  // an error, a write's result) must never be: a default that a new route gets without asking.
  app.use("*", async (c, next) => {
    await next();
    if (!c.res.headers.has("cache-control")) c.res.headers.set("cache-control", "private, no-store");
  });
  healthRoutes(app, deps);
  app.use("/api/*", publicCors());
  app.use("/feeds/*", publicCors());
  app.use("/oembed", publicCors());
  // Feeds and oEmbed are public reads outside the route contracts: the same per-address budget.
  const limitReads = limitRate(deps.rateLimits, "read", deps.trustProxy) as MiddlewareHandler;
  const limitGets: MiddlewareHandler = (c, next) => (c.req.method === "GET" || c.req.method === "HEAD" ? limitReads(c, next) : next());
  app.use("/feeds/*", limitGets);
  app.use("/oembed", limitGets);

  const api = new Hono<ApiEnv>();
  openDataRoutes(api, deps);
  publicAssetRoutes(api, deps);
  mapRoutes(api, deps);
  changeRoutes(api, deps);
  adminImportRoutes(api, deps);
  webhookRoutes(api, deps);
  authRoutes(api, deps);
  userRoutes(api, deps);
  tokenRoutes(api, deps);
  templateRoutes(api, deps);
  noticeRoutes(api, deps);
  auditRoutes(api, deps);
  app.route("/api/v1", api);
  feedRoutes(app, deps);
  oembedRoutes(app, deps);
  return app;
}
