import type { Context, Hono, MiddlewareHandler } from "hono";
import { honoPath, type HonoPath, type RouteContract } from "../../lib/api/contract/define-route";
import { rateLimitOf } from "../../lib/api/contract/rate-limits";
import { authorize, type ApiEnv } from "./authorize";
import type { HttpDeps } from "./context";
import { limitRate } from "./rate-limit";

type RouteHandler<R extends RouteContract> = (c: Context<ApiEnv, HonoPath<R["path"]>>) => Response | Promise<Response>;

/**
 * Serves a route contract: its method and path, then the given middleware (body limits, caching),
 * then the authorization its `auth` asks for, then the handler. Routes are only added this way, so
 * what is served is what the OpenAPI document says. A public read spends its address's budget
 * before anything else; a write spends its caller's once the caller is known.
 */
export function bindRoute<R extends RouteContract>(
  api: Hono<ApiEnv>,
  deps: HttpDeps,
  contract: R,
  ...chain: [...middleware: MiddlewareHandler[], handler: RouteHandler<R>]
): void {
  const guard = authorize(contract.auth, deps);
  const middleware = chain.slice(0, -1) as MiddlewareHandler<ApiEnv>[];
  const limit = rateLimitOf(contract);
  const handlers = [
    ...(limit === "read" ? [limitRate(deps.rateLimits, "read", deps.trustProxy)] : []),
    ...middleware,
    ...(guard ? [guard] : []),
    ...(limit === "write" ? [limitRate(deps.rateLimits, "write", deps.trustProxy)] : []),
    chain.at(-1) as MiddlewareHandler<ApiEnv>,
  ];
  api.on(contract.method.toUpperCase(), honoPath(contract.path), ...(handlers as [MiddlewareHandler<ApiEnv>]));
}
