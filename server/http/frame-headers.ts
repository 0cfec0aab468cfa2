import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";

/** The only path other sites may put in an iframe: the embeddable widget. */
export const FRAMEABLE_PATHS = new Set(["/embed"]);

export interface SecurityHeaderOptions {
  /** The site is served over https (SNOWLINE_PUBLIC_URL says so): browsers should never use http again. */
  isHttps: boolean;
  /** Next.js in development evaluates code for fast refresh; production never does. */
  allowEval?: boolean;
}

/** Resident pages may ask for the reader's location later ("use my location"); nothing else is used. */
const PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(self), payment=(), usb=(), browsing-topics=()";
const HSTS = "max-age=31536000";

/** Which inline scripts a page may run besides this site's files: a nonce, or hashes ('sha256-…'). */
export interface ScriptSources {
  nonce?: string;
  hashes?: readonly string[];
  allowEval?: boolean;
}

const frameAncestorsOf = (path: string) => (FRAMEABLE_PATHS.has(path) ? "*" : "'self'");

/** The policy of a page shared by every reader: `hashes` are those of its own inline scripts. */
export function sharedPagePolicy(path: string, hashes: readonly string[], options: SecurityHeaderOptions): string {
  return contentSecurityPolicy("page", frameAncestorsOf(path), { hashes, allowEval: options.allowEval });
}

/**
 * The policy for data (JSON, feeds, oEmbed): nothing in it may run or load anything.
 * The policy for pages: scripts only from this site, and inline scripts either carrying this
 * response's nonce or listed by hash. Next.js reads the nonce from the request's
 * Content-Security-Policy header and puts it on every script it writes: that suits pages made per
 * reader (the console). A public page is made once and shared by every reader (public-cache), so
 * it cannot carry a per-response nonce: it lists the hashes of the inline scripts it was made with.
 * Styles stay 'unsafe-inline': React and Leaflet set style attributes, and CSS cannot run code.
 * Map tiles and the council logo come from configurable servers (http or https), so images may
 * come from anywhere: an image cannot run code.
 */
export function contentSecurityPolicy(kind: "data" | "page", frameAncestors: string, scripts: ScriptSources = {}): string {
  if (kind === "data") return `default-src 'none'; frame-ancestors ${frameAncestors}`;
  const { nonce, hashes = [], allowEval = false } = scripts;
  const scriptSrc = ["'self'", ...(nonce ? [`'nonce-${nonce}'`] : []), ...hashes, ...(allowEval ? ["'unsafe-eval'"] : [])].join(" ");
  return [
    "default-src 'self'",
    `script-src ${scriptSrc}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src * data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors ${frameAncestors}`,
  ].join("; ");
}

/**
 * Set on every response before it is routed (API, feeds, pages, static files), so a page added
 * later gets them by default. Browsers that know CSP use frame-ancestors; X-Frame-Options
 * covers older ones. For pages the nonce is also put on the request, where Next.js reads it,
 * unless `isShared` (the public cache filling an entry): Next then writes no nonce, and the cache
 * replaces this policy with one listing the page's script hashes.
 */
export function applySecurityHeaders(
  path: string,
  req: IncomingMessage,
  res: ServerResponse,
  kind: "data" | "page",
  options: SecurityHeaderOptions,
  isShared = false,
): void {
  const isFrameable = FRAMEABLE_PATHS.has(path);
  const nonce = kind === "page" && !isShared ? randomBytes(16).toString("base64") : undefined;
  const policy = contentSecurityPolicy(kind, frameAncestorsOf(path), { nonce, allowEval: options.allowEval });
  if (nonce) req.headers["content-security-policy"] = policy;
  res.setHeader("Content-Security-Policy", policy);
  if (!isFrameable) res.setHeader("X-Frame-Options", "SAMEORIGIN");
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
  res.setHeader("Permissions-Policy", PERMISSIONS_POLICY);
  if (options.isHttps) res.setHeader("Strict-Transport-Security", HSTS);
}
