import type { IncomingMessage, ServerResponse } from "node:http";
import type { Clock } from "../../../lib/domain/clock";
import { acceptedEncoding } from "./accepted-encoding";
import { buildEntry, hasSharedPagePolicy, isCacheable, isNotModified, PER_RESPONSE_HEADERS, type CachedEntry, type CapturedResponse } from "./cached-entry";
import { cacheableRouteOf, type CacheableRoute } from "./cacheable-routes";
import { createEntryStore } from "./entry-store";
import type { PublicDataVersion } from "./data-version";

export const DEFAULT_PUBLIC_CACHE_MB = 64;
/** Safety net for what changes with time alone (a notice's start and end, "2 minutes ago"). */
export const MAX_ENTRY_LIFETIME_MS = 5_000;

// Next.js answers these with its RSC payload instead of HTML, for the same URL: never shared.
const PERSONAL_OR_NEGOTIATED = ["authorization", "rsc", "next-router-state-tree", "next-router-prefetch", "next-router-segment-prefetch", "next-action", "range"];

export interface PublicCacheOptions {
  maxBytes: number;
  clock: Clock;
  version: PublicDataVersion;
  hasWebPages: boolean;
  /** Fetches a path from this node as an anonymous reader. */
  fetchAnonymous(pathAndQuery: string): Promise<CapturedResponse>;
  /** The CSP of a shared page: its own inline scripts' hashes instead of a nonce. */
  pagePolicy(path: string, html: string): string;
  /** Spends a public read from the requester's budget; false when it is spent (the router then answers 429). */
  spendRead(req: IncomingMessage): Promise<boolean>;
  onError(error: unknown, path: string): void;
}

interface FillResult {
  entry: CachedEntry | null;
  /** A response that may not be kept (not a 200, a cookie, a stale snapshot), passed on to those who waited. */
  passOn: CapturedResponse | null;
}

export interface PublicCacheStats {
  hits: number;
  misses: number;
  /** Renders through the framework: one per key and data version when all goes well. */
  fills: number;
  bytes: number;
  entries: number;
}

/**
 * Every public read, made once per data version and key, compressed once, and answered from memory
 * before any router runs. Concurrent misses of one key share one fill. Entries made under a data
 * version older than this node's, or older than MAX_ENTRY_LIFETIME_MS, are made again.
 */
export function createPublicCache(options: PublicCacheOptions) {
  const store = createEntryStore(options.maxBytes);
  const inFlight = new Map<string, Promise<FillResult>>();
  const stats = { hits: 0, misses: 0, fills: 0 };
  const isCurrent = (entry: CachedEntry, version: string) => entry.version === version && entry.expiresAt > options.clock.now();

  function send(req: IncomingMessage, res: ServerResponse, entry: CachedEntry): void {
    const variant = entry.variants[acceptedEncoding(req.headers["accept-encoding"])];
    if (isNotModified(req.headers["if-none-match"], req.headers["if-modified-since"], entry)) {
      res.writeHead(304, variant.notModifiedHeaders).end();
      return;
    }
    res.writeHead(entry.status, variant.headers).end(req.method === "HEAD" ? undefined : variant.body);
  }

  function passOn(req: IncomingMessage, res: ServerResponse, route: CacheableRoute, path: string, response: CapturedResponse): void {
    const headers: Record<string, string | string[]> = {};
    for (const [name, value] of Object.entries(response.headers)) {
      if (value !== undefined && !PER_RESPONSE_HEADERS.has(name)) headers[name] = value;
    }
    if (hasSharedPagePolicy(route, response)) {
      headers["content-security-policy"] = options.pagePolicy(path, response.body.toString("utf8"));
    }
    headers["content-length"] = String(response.body.length);
    res.writeHead(response.status, headers).end(req.method === "HEAD" ? undefined : response.body);
  }

  function fill(key: string, route: CacheableRoute, path: string, pathAndQuery: string, version: string): Promise<FillResult> {
    const flightKey = `${version}|${key}`;
    const running = inFlight.get(flightKey);
    if (running) return running;
    const started = (async (): Promise<FillResult> => {
      const response = await options.fetchAnonymous(pathAndQuery);
      stats.fills += 1;
      if (!isCacheable(response)) {
        // The database is away and the router answered from its last snapshot, marked stale: from
        // now on readers get that (and its marker) rather than an entry that looks current.
        if (response.headers["snowline-stale-seconds"] !== undefined) store.delete(key);
        return { entry: null, passOn: response };
      }
      const entry = await buildEntry(route, response, {
        version,
        expiresAt: options.clock.now() + MAX_ENTRY_LIFETIME_MS,
        pagePolicy: (html) => options.pagePolicy(path, html),
      });
      // Made under a version that has since moved on: good for those who asked meanwhile, not for later readers.
      if (options.version.of(route.dependsOn) === version) {
        store.set(key, entry, (_, e) => isCurrent(e, options.version.of(e.dependsOn)));
      }
      return { entry, passOn: null };
    })();
    inFlight.set(flightKey, started);
    void started.finally(() => inFlight.delete(flightKey)).catch(() => {});
    return started;
  }

  async function miss(
    req: IncomingMessage,
    res: ServerResponse,
    request: { route: CacheableRoute; path: string; pathAndQuery: string; key: string; version: string },
    fallback: () => void,
  ) {
    const { route, path, key, version } = request;
    stats.misses += 1;
    if (route.kind === "data" && !(await options.spendRead(req))) return fallback();
    let result: FillResult;
    try {
      result = await fill(key, route, path, request.pathAndQuery, version);
    } catch (error) {
      // The loopback failed (the node is stopping, say): let the router answer this one itself.
      options.onError(error, path);
      return fallback();
    }
    if (result.entry) return send(req, res, result.entry);
    const last = store.get(key);
    // The database is away and pages fail: the last entry of this version is better than an error.
    if (result.passOn!.status >= 500 && last && last.version === version) return send(req, res, last);
    passOn(req, res, route, path, result.passOn!);
  }

  return {
    /**
     * Takes the request when it is a cacheable anonymous public read (answering from memory, or
     * after a fill) and returns true; `fallback` routes it as usual if a fill cannot be made.
     * Returns false, having done nothing, for anything else.
     */
    serve(req: IncomingMessage, res: ServerResponse, fallback: () => void): boolean {
      if (req.method !== "GET" && req.method !== "HEAD") return false;
      const url = req.url ?? "/";
      const queryAt = url.indexOf("?");
      const path = queryAt === -1 ? url : url.slice(0, queryAt);
      const route = cacheableRouteOf(path, options.hasWebPages);
      if (!route) return false;
      for (const name of PERSONAL_OR_NEGOTIATED) if (req.headers[name] !== undefined) return false;
      const pathAndQuery = queryAt === -1 ? path : `${path}${normalisedQuery(url.slice(queryAt + 1))}`;
      if (pathAndQuery.includes("_rsc=")) return false;
      const key = pathAndQuery;
      const version = options.version.of(route.dependsOn);
      const entry = store.get(key);
      if (entry && entry.version === version) {
        stats.hits += 1;
        send(req, res, entry);
        // Past its lifetime but of the current data version: served once more while one request
        // makes it again, so readers never queue behind a refill that only the clock asked for.
        if (entry.expiresAt <= options.clock.now()) {
          fill(key, route, path, pathAndQuery, version).catch((error: unknown) => options.onError(error, path));
        }
        return true;
      }
      miss(req, res, { route, path, pathAndQuery, key, version }, fallback).catch((error: unknown) => {
        options.onError(error, path);
        if (!res.headersSent) fallback();
        else res.destroy();
      });
      return true;
    },
    /** Resolves once every fill under way has ended (for tests: refills after a lifetime run in the background). */
    async settled(): Promise<void> {
      while (inFlight.size) await Promise.allSettled([...inFlight.values()]);
    },
    stats(): PublicCacheStats {
      return { ...stats, bytes: store.bytes, entries: store.size };
    },
  };
}

export type PublicCache = ReturnType<typeof createPublicCache>;

/** Query parameters sorted by name (the order of repeated names kept), so `?b&a` and `?a&b` share an entry. */
function normalisedQuery(query: string): string {
  if (!query) return "";
  const params = query.split("&").filter(Boolean);
  if (!params.length) return "";
  const byName = params.map((param, index) => ({ name: param.split("=")[0]!, param, index }));
  byName.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.index - b.index));
  return `?${byName.map((p) => p.param).join("&")}`;
}
