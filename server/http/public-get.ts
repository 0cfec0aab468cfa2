import type { IncomingMessage } from "node:http";
import type { Context, MiddlewareHandler } from "hono";
import { cors } from "hono/cors";
import { httpDate, isNotModified, PUBLIC_CACHE_CONTROL, toEtag, type Validators } from "../../lib/api/http-cache";
import { licenceLinkHeader } from "../../lib/feeds/data-licence";
import { isDatabaseUnavailable } from "../../lib/store/database-errors";
import type { HttpDeps } from "./context";
import { createSnapshotShelf, keepOrServeSnapshot, snapshotKeyOf, STALE_SECONDS_HEADER } from "./last-snapshot";

/** Any site may read public data from a browser, with conditional requests. */
export const publicCors = (): MiddlewareHandler =>
  cors({
    origin: "*",
    allowMethods: ["GET", "HEAD", "OPTIONS"],
    allowHeaders: ["If-None-Match", "If-Modified-Since"],
    exposeHeaders: ["ETag", "Last-Modified", "Link", STALE_SECONDS_HEADER],
    maxAge: 86_400,
  });

export type ValidatorsOf = (c: Context) => Promise<Validators>;

/** ETag and Last-Modified from the change log's seq (and the last asset import). */
export function datasetValidators(deps: HttpDeps): ValidatorsOf {
  const queries = deps.store.openData;
  return async () => {
    const version = await queries.datasetVersion();
    return { etag: toEtag(version.tag), lastModified: version.lastModified };
  };
}

/**
 * Wraps a public GET: answers 304 before doing any work when the client's copy is current, and
 * otherwise stamps the response with its validators, a short shared cache and the data licence.
 * While the database cannot be reached it answers with the last good response, marked stale.
 */
export function conditionalGet(deps: HttpDeps, validatorsOf: ValidatorsOf = datasetValidators(deps)): MiddlewareHandler {
  const snapshots = createSnapshotShelf(deps.clock);
  return async (c, next) => {
    let validators: Validators;
    try {
      validators = await validatorsOf(c);
    } catch (error) {
      const stale = isDatabaseUnavailable(error) ? snapshots.serve(snapshotKeyOf(c), c.req.header("if-none-match")) : null;
      if (stale) return stale;
      throw error;
    }
    const headers: Record<string, string> = {
      ETag: validators.etag,
      "Cache-Control": PUBLIC_CACHE_CONTROL,
      Link: licenceLinkHeader(deps.config.dataLicence),
    };
    if (validators.lastModified !== null) headers["Last-Modified"] = httpDate(validators.lastModified);
    if (isNotModified({ ifNoneMatch: c.req.header("if-none-match"), ifModifiedSince: c.req.header("if-modified-since") }, validators)) {
      return c.body(null, 304, headers);
    }
    await next();
    if (c.res.status === 200) for (const [name, value] of Object.entries(headers)) c.res.headers.set(name, value);
    await keepOrServeSnapshot(c, snapshots);
  };
}

/**
 * The site's public address for absolute links: the configured one, else the address this
 * connection arrived on. Never the Host header: it is the client's to choose, and these answers
 * are publicly cacheable, so one forged Host would serve its links to every later reader.
 */
export function baseUrlOf(c: Context, deps: HttpDeps): string {
  return deps.publicUrl ?? deps.config.publicUrl ?? localOriginOf(c);
}

/** http://address:port of the socket the request came in on (set by the server, not the client). */
export function localOriginOf(c: Context): string {
  const socket = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming?.socket;
  const address = (socket?.localAddress ?? "127.0.0.1").replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, "");
  return `http://${address.includes(":") ? `[${address}]` : address}:${socket?.localPort ?? 80}`;
}
