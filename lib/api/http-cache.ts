/** Conditional GET for public data: validators derived from the data's version, not from hashing bodies. */
export interface Validators {
  /** A quoted entity tag, e.g. "\"42-lx3k-120\"". */
  etag: string;
  /** Epoch ms, or null when the data has never changed. */
  lastModified: number | null;
}

/** Short enough to feel live, long enough for a CDN to absorb a snow-morning spike. */
export const PUBLIC_CACHE_CONTROL = "public, max-age=15, stale-while-revalidate=60";

export const toEtag = (tag: string) => `"${tag.replace(/["\\]/g, "")}"`;

export function httpDate(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toUTCString();
}

const opaque = (tag: string) => tag.trim().replace(/^W\//, "");

/**
 * RFC 9110 §13.1: If-None-Match wins over If-Modified-Since and compares weakly; a date is
 * compared at one-second precision.
 */
export function isNotModified(request: { ifNoneMatch?: string | null; ifModifiedSince?: string | null }, validators: Validators): boolean {
  if (request.ifNoneMatch) {
    const tags = request.ifNoneMatch.split(",").map(opaque);
    return tags.includes("*") || tags.includes(opaque(validators.etag));
  }
  if (request.ifModifiedSince && validators.lastModified !== null) {
    const since = Date.parse(request.ifModifiedSince);
    return !Number.isNaN(since) && Math.floor(validators.lastModified / 1000) * 1000 <= since;
  }
  return false;
}
