import { createHash } from "node:crypto";
import { gzipSync } from "node:zlib";
import type { Context } from "hono";
import { isDatabaseUnavailable } from "../../lib/store/database-errors";
import { STALE_SECONDS_HEADER } from "./last-snapshot";

interface Entry {
  json: string;
  gzip: Buffer;
  etag: string;
  expiresAt: number;
}

/**
 * A JSON body built at most once per `ttlMs` per key and shared by every request meanwhile, kept
 * gzipped, with an ETag: for large, rarely changing public payloads (the map's shapes) on a morning
 * when thousands of phones ask for the same thing at once. While the database cannot be reached
 * the last body built is served on, marked stale.
 */
export function createCachedJson(options: { ttlMs: number; now: () => number }) {
  const entries = new Map<string, Promise<Entry>>();
  const lastBuilt = new Map<string, Entry>();

  async function get(key: string, build: () => Promise<unknown>): Promise<Entry> {
    const cached = entries.get(key);
    if (cached) {
      const entry = await cached;
      if (entry.expiresAt > options.now()) return entry;
      if (entries.get(key) !== cached) return get(key, build);
    }
    const fresh = build().then((body) => {
      const json = JSON.stringify(body);
      const etag = `"${createHash("sha1").update(json).digest("base64url")}"`;
      return { json, gzip: gzipSync(json), etag, expiresAt: options.now() + options.ttlMs };
    });
    entries.set(key, fresh);
    fresh.catch(() => entries.delete(key));
    return fresh;
  }

  return {
    async respond(c: Context, key: string, build: () => Promise<unknown>): Promise<Response> {
      let entry: Entry;
      let staleSeconds: number | null = null;
      try {
        entry = await get(key, build);
        lastBuilt.set(key, entry);
      } catch (error) {
        const last = lastBuilt.get(key);
        if (!last || !isDatabaseUnavailable(error)) throw error;
        entry = last;
        staleSeconds = Math.max(0, Math.floor((options.now() - (last.expiresAt - options.ttlMs)) / 1000));
      }
      const headers: Record<string, string> = {
        "content-type": "application/json",
        "cache-control": staleSeconds === null ? `public, max-age=${Math.floor(options.ttlMs / 1000)}` : "no-store",
        etag: entry.etag,
        vary: "Accept-Encoding",
        ...(staleSeconds === null ? {} : { [STALE_SECONDS_HEADER]: String(staleSeconds), warning: '110 - "Response is Stale"' }),
      };
      if (c.req.header("if-none-match") === entry.etag) return c.body(null, 304, headers);
      if (/\bgzip\b/.test(c.req.header("accept-encoding") ?? "")) {
        return c.body(new Uint8Array(entry.gzip), 200, { ...headers, "content-encoding": "gzip" });
      }
      return c.body(entry.json, 200, headers);
    },
  };
}
