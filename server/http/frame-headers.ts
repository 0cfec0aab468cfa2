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

/**
 * The policy for data (JSON, feeds, oEmbed): nothing in it may run or load anything.
 * The policy for pages: scripts only from this site or carrying this response's nonce.
 * Next.js streams its hydration data as inline scripts whose content differs per render, so a
 * hash list would mean buffering and hashing every streamed page; Next instead reads the nonce
 * from the request's Content-Security-Policy header and puts it on every script it writes.
 * Styles stay 'unsafe-inline': React and Leaflet set style attributes, and CSS cannot run code.
 * Map tiles and the council logo come from configurable servers (http or https), so images may
 * come from anywhere: an image cannot run code.
 */
export function contentSecurityPolicy(kind: "data" | "page", frameAncestors: string, nonce?: string, allowEval = false): string {
  if (kind === "data") return `default-src 'none'; frame-ancestors ${frameAncestors}`;
  const scripts = ["'self'", ...(nonce ? [`'nonce-${nonce}'`] : []), ...(allowEval ? ["'unsafe-eval'"] : [])].join(" ");
  return [
    "default-src 'self'",
    `script-src ${scripts}`,
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
 * covers older ones. For pages the nonce is also put on the request, where Next.js reads it.
 */
export function applySecurityHeaders(
  path: string,
  req: IncomingMessage,
  res: ServerResponse,
  kind: "data" | "page",
  options: SecurityHeaderOptions,
): void {
  const isFrameable = FRAMEABLE_PATHS.has(path);
  const frameAncestors = isFrameable ? "*" : "'self'";
  const nonce = kind === "page" ? randomBytes(16).toString("base64") : undefined;
  const policy = contentSecurityPolicy(kind, frameAncestors, nonce, options.allowEval);
  if (kind === "page") req.headers["content-security-policy"] = policy;
  res.setHeader("Content-Security-Policy", policy);
  if (!isFrameable) res.setHeader("X-Frame-Options", "SAMEORIGIN");
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
  res.setHeader("Permissions-Policy", PERMISSIONS_POLICY);
  if (options.isHttps) res.setHeader("Strict-Transport-Security", HSTS);
}
