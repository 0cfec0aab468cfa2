/** Conditional GET for public data: validators derived from the data's version, not from hashing bodies. */
export interface Validators {
  /** A quoted entity tag, e.g. "\"42-lx3k-120\"". */
  etag: string;
  /** Epoch ms, or null when the data has never changed. */
  lastModified: number | null;
}

/**
 * What a CDN or reverse proxy may do with a public answer: hold it `maxAgeSeconds`, then serve it
 * stale for 30 s more while it asks again. Pages carry their seq and their live connection catches
 * up from it, so a few seconds' staleness is safe.
 */
export const publicCacheControl = (maxAgeSeconds: number) => `public, max-age=${maxAgeSeconds}, stale-while-revalidate=30`;

/** Short enough to feel live, long enough for a CDN to absorb a snow-morning spike. */
export const PUBLIC_MAX_AGE_SECONDS = 5;
export const PUBLIC_CACHE_CONTROL = publicCacheControl(PUBLIC_MAX_AGE_SECONDS);

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
