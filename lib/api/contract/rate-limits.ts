import type { RouteContract } from "./define-route";

/**
 * Which budget a route spends. `read`: public GETs, per address, generous (a newsroom or a school
 * shares one address). `write`: signed-in writes, per API token or console session. Sign-in has
 * its own throttle; signed-in reads are not limited.
 */
export type RateLimitClass = "read" | "write";

export function rateLimitOf(route: Pick<RouteContract, "method" | "auth">): RateLimitClass | null {
  if (route.auth.type === "public") return route.method === "get" ? "read" : null;
  return route.method === "get" ? null : "write";
}
