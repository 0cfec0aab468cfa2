import { PUBLIC_MAX_AGE_SECONDS } from "../../../lib/api/http-cache";

/** What a cached answer depends on besides the clock: the change log, asset imports, notices. */
export type DataDependency = "changes" | "assets" | "notices";

export interface CacheableRoute {
  pattern: RegExp;
  /** Pages are rendered by Next.js (and exist only when the node has a web front end); data by Hono. */
  kind: "page" | "data";
  /** How long a shared cache (CDN, reverse proxy) may hold it before revalidating. */
  maxAgeSeconds: number;
  dependsOn: readonly DataDependency[];
}

const EVERYTHING: readonly DataDependency[] = ["changes", "assets", "notices"];
const DATA: readonly DataDependency[] = ["changes", "assets"];
const SHORT = PUBLIC_MAX_AGE_SECONDS;

/**
 * The public reads served from memory, declared once. Anything not listed (the console, sign-in,
 * writes, /readyz, /healthz, Socket.IO, authenticated API routes) always goes to its router.
 * Only GET and HEAD of anonymous requests are ever looked up.
 */
export const CACHEABLE_ROUTES: readonly CacheableRoute[] = [
  { pattern: /^\/$/, kind: "page", maxAgeSeconds: SHORT, dependsOn: EVERYTHING },
  { pattern: /^\/assets\/[^/]+$/, kind: "page", maxAgeSeconds: SHORT, dependsOn: EVERYTHING },
  { pattern: /^\/embed$/, kind: "page", maxAgeSeconds: SHORT, dependsOn: EVERYTHING },
  { pattern: /^\/developers$/, kind: "page", maxAgeSeconds: SHORT, dependsOn: EVERYTHING },
  // Share images: the home page's and each asset's (Next adds a content hash as a query).
  { pattern: /^(\/assets\/[^/]+)?\/opengraph-image(-[\w-]+)?$/, kind: "page", maxAgeSeconds: SHORT, dependsOn: DATA },
  { pattern: /^\/api\/v1\/assets(\.geojson|\.csv)?$/, kind: "data", maxAgeSeconds: SHORT, dependsOn: DATA },
  { pattern: /^\/api\/v1\/assets\/[^/]+$/, kind: "data", maxAgeSeconds: SHORT, dependsOn: DATA },
  { pattern: /^\/api\/v1\/statuses$/, kind: "data", maxAgeSeconds: SHORT, dependsOn: DATA },
  // Shapes change only on imports: a status change leaves them as they were.
  { pattern: /^\/api\/v1\/geometry$/, kind: "data", maxAgeSeconds: 60, dependsOn: ["assets"] },
  { pattern: /^\/api\/v1\/notices$/, kind: "data", maxAgeSeconds: SHORT, dependsOn: ["notices"] },
  { pattern: /^\/feeds\/(changes\.atom|changes\/[a-z]+\.atom|alerts\.atom|alerts\.cap|alerts\/\d+\.cap)$/, kind: "data", maxAgeSeconds: SHORT, dependsOn: DATA },
  { pattern: /^\/oembed$/, kind: "data", maxAgeSeconds: SHORT, dependsOn: DATA },
];

/** The route a path belongs to, or null when it is never cached (pages only when there is a web front end). */
export function cacheableRouteOf(path: string, hasWebPages: boolean): CacheableRoute | null {
  for (const route of CACHEABLE_ROUTES) {
    if (route.pattern.test(path)) return route.kind === "page" && !hasWebPages ? null : route;
  }
  return null;
}
