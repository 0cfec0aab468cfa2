import type { ServerResponse } from "node:http";

/** The only path other sites may put in an iframe: the embeddable widget. */
export const FRAMEABLE_PATHS = new Set(["/embed"]);

/**
 * Set on every response before it is routed (API, feeds, pages, static files), so a page added
 * later refuses framing by default. Browsers that know CSP use frame-ancestors; X-Frame-Options
 * covers older ones.
 */
export function applyFrameHeaders(path: string, res: ServerResponse): void {
  if (FRAMEABLE_PATHS.has(path)) {
    res.setHeader("Content-Security-Policy", "frame-ancestors *");
    return;
  }
  res.setHeader("Content-Security-Policy", "frame-ancestors 'self'");
  res.setHeader("X-Frame-Options", "SAMEORIGIN");
}
