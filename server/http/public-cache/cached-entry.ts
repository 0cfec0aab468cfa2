import { createHash } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";
import { publicCacheControl } from "../../../lib/api/http-cache";
import type { Encoding } from "./accepted-encoding";
import type { CacheableRoute, DataDependency } from "./cacheable-routes";

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

/** What the framework answered an anonymous reader, body uncompressed. */
export interface CapturedResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

interface Variant {
  body: Buffer;
  etag: string;
  /** Flat [name, value, …] lists, so a hit is one writeHead and one end. */
  headers: string[];
  notModifiedHeaders: string[];
}

export interface CachedEntry {
  version: string;
  dependsOn: readonly DataDependency[];
  /** After this (clock ms) the entry is made again, whatever the version says: notices start and end on time. */
  expiresAt: number;
  bytes: number;
  status: number;
  /** Last-Modified in ms, for If-Modified-Since; null when the answer had none. */
  lastModified: number | null;
  etags: ReadonlySet<string>;
  variants: Record<Encoding, Variant>;
}

/** Set per response or per hop: never copied from a captured answer to the reader. */
export const PER_RESPONSE_HEADERS: ReadonlySet<string> = new Set(["set-cookie", "date", "content-length", "content-encoding", "transfer-encoding", "connection", "keep-alive"]);
// An entry also writes its own validators and caching rules.
const DROPPED = new Set([...PER_RESPONSE_HEADERS, "etag", "cache-control", "vary"]);

/** A page whose CSP the cache writes from its own inline scripts (a shared page cannot carry a nonce). */
export const hasSharedPagePolicy = (route: CacheableRoute, response: CapturedResponse): boolean =>
  route.kind === "page" && /^text\/html/i.test(String(response.headers["content-type"] ?? ""));
const NOT_IN_304 = new Set(["content-length", "content-encoding"]);
const COMPRESSIBLE = /^(text\/|application\/([\w.+-]+\+)?(json|xml|javascript)|image\/svg\+xml)/i;
/** Brotli at 5 compresses a 150 KB JSON in a few milliseconds (11 takes ~50 times longer) and stays close in size. */
export const FILL_BROTLI_QUALITY = 5;

export function isCacheable(response: CapturedResponse): boolean {
  // A snapshot served while the database is away says how stale it is: it must not be frozen into the cache.
  return response.status === 200 && !response.headers["set-cookie"] && response.headers["snowline-stale-seconds"] === undefined;
}

/**
 * Compresses once (gzip and brotli) and prebuilds every header list. `pagePolicy` writes the
 * CSP of a page from the hashes of its inline scripts; data keep the policy they were sent with.
 */
export async function buildEntry(
  route: CacheableRoute,
  response: CapturedResponse,
  options: { version: string; expiresAt: number; pagePolicy?: (html: string) => string },
): Promise<CachedEntry> {
  const { body } = response;
  const contentType = String(response.headers["content-type"] ?? "");
  const isCompressible = COMPRESSIBLE.test(contentType) && body.length > 0;
  const [gzipped, brotli] = isCompressible
    ? await Promise.all([gzipAsync(body), brotliAsync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: FILL_BROTLI_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } })])
    : [null, null];
  const hash = createHash("sha1").update(body).digest("base64url");

  const common: string[] = [];
  for (const [name, value] of Object.entries(response.headers)) {
    if (DROPPED.has(name) || value === undefined) continue;
    if (name === "content-security-policy" && route.kind === "page" && options.pagePolicy) continue;
    for (const one of Array.isArray(value) ? value : [value]) common.push(name, one);
  }
  if (options.pagePolicy && hasSharedPagePolicy(route, response)) {
    common.push("content-security-policy", options.pagePolicy(body.toString("utf8")));
  }
  const vary = new Set(String(response.headers.vary ?? "").split(",").map((v) => v.trim()).filter(Boolean));
  vary.add("Accept-Encoding");
  common.push("cache-control", publicCacheControl(route.maxAgeSeconds), "vary", [...vary].join(", "));

  const variant = (encoding: Encoding, encoded: Buffer | null): Variant => {
    const isEncoded = encoded !== null && encoding !== "identity";
    const etag = isEncoded ? `"${hash}-${encoding === "br" ? "br" : "gz"}"` : `"${hash}"`;
    const headers = [...common, "etag", etag, ...(isEncoded ? ["content-encoding", encoding] : []), "content-length", String((encoded ?? body).length)];
    const notModifiedHeaders: string[] = [];
    for (let i = 0; i < headers.length; i += 2) if (!NOT_IN_304.has(headers[i]!)) notModifiedHeaders.push(headers[i]!, headers[i + 1]!);
    return { body: isEncoded ? encoded : body, etag, headers, notModifiedHeaders };
  };
  const variants = { identity: variant("identity", null), gzip: variant("gzip", gzipped), br: variant("br", brotli) };
  return {
    version: options.version,
    dependsOn: route.dependsOn,
    expiresAt: options.expiresAt,
    status: response.status,
    lastModified: response.headers["last-modified"] ? Date.parse(response.headers["last-modified"]) : null,
    bytes: body.length + (gzipped?.length ?? 0) + (brotli?.length ?? 0) + common.join("").length * 3 + 512,
    etags: new Set(Object.values(variants).map((v) => v.etag)),
    variants,
  };
}

/** If-None-Match, when sent, decides alone (RFC 9110 13.2.2); else If-Modified-Since against Last-Modified. */
export function isNotModified(ifNoneMatch: string | undefined, ifModifiedSince: string | undefined, entry: CachedEntry): boolean {
  if (ifNoneMatch) return matchesAnyTag(ifNoneMatch, entry.etags);
  if (!ifModifiedSince || entry.lastModified === null) return false;
  const since = Date.parse(ifModifiedSince);
  return Number.isFinite(since) && entry.lastModified <= since;
}

/** True when If-None-Match names any representation of the entry (weak comparison, as RFC 9110 asks for it). */
export function matchesAnyTag(ifNoneMatch: string | undefined, etags: ReadonlySet<string>): boolean {
  if (!ifNoneMatch) return false;
  for (const tag of ifNoneMatch.split(",")) {
    const trimmed = tag.trim();
    if (trimmed === "*" || etags.has(trimmed.startsWith("W/") ? trimmed.slice(2) : trimmed)) return true;
  }
  return false;
}
