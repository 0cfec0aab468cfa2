import type { Context, MiddlewareHandler } from "hono";
import type { Clock } from "../../lib/domain/clock";
import { isDatabaseUnavailable } from "../../lib/store/database-errors";

/** Says that a public answer is a snapshot kept from before the database became unreachable, and how old. */
export const STALE_SECONDS_HEADER = "Snowline-Stale-Seconds";

// Responses without an ETag are copied again at most this often; with one, only when it changes.
const RECOPY_WITHOUT_ETAG_MS = 1_000;

interface Snapshot {
  status: number;
  headers: [string, string][];
  body: ArrayBuffer;
  etag: string | null;
  /** When this body was last known to be current. */
  currentAt: number;
}

/**
 * The last good answer of each public GET (by URL), so that while the database cannot be reached
 * residents still get what Snowline last knew, marked stale, instead of an error. Copies a body
 * only when it changes (by ETag), so the hit path stays cheap.
 */
export function createSnapshotShelf(clock: Clock, maxEntries = 32) {
  const snapshots = new Map<string, Snapshot>();

  return {
    async keep(key: string, res: Response): Promise<void> {
      const now = clock.now();
      const etag = res.headers.get("etag");
      const held = snapshots.get(key);
      if (held && (etag !== null ? held.etag === etag : now - held.currentAt < RECOPY_WITHOUT_ETAG_MS)) {
        if (etag !== null) held.currentAt = now;
        return;
      }
      const body = await res.clone().arrayBuffer();
      snapshots.delete(key);
      if (snapshots.size >= maxEntries) snapshots.delete(snapshots.keys().next().value!);
      snapshots.set(key, { status: res.status, headers: [...res.headers], body, etag, currentAt: now });
    },

    /** The kept answer marked stale (304 when the client already has it), or null if there is none. */
    serve(key: string, ifNoneMatch?: string): Response | null {
      const held = snapshots.get(key);
      if (!held) return null;
      const headers = new Headers(held.headers);
      headers.set(STALE_SECONDS_HEADER, String(Math.max(0, Math.floor((clock.now() - held.currentAt) / 1000))));
      headers.set("Warning", '110 - "Response is Stale"');
      headers.set("Cache-Control", "no-store");
      if (held.etag !== null && ifNoneMatch === held.etag) return new Response(null, { status: 304, headers });
      return new Response(held.body, { status: held.status, headers });
    },
  };
}

export type SnapshotShelf = ReturnType<typeof createSnapshotShelf>;

/** A HEAD answer has no body, so it is kept apart from the GET of the same URL. */
export const snapshotKeyOf = (c: Context) => `${c.req.method} ${c.req.url}`;

/** After a handler has run: keeps a 200, or replaces a database-outage error with the kept snapshot. */
export async function keepOrServeSnapshot(c: Context, shelf: SnapshotShelf): Promise<void> {
  if (c.res.status === 200) return shelf.keep(snapshotKeyOf(c), c.res);
  if (!isDatabaseUnavailable(c.error)) return;
  const stale = shelf.serve(snapshotKeyOf(c), c.req.header("if-none-match"));
  if (!stale) return;
  // Hono copies the old response's headers onto a new one (Retry-After included) unless it is cleared first.
  c.res = undefined;
  c.res = stale;
}

/** Serves the last good answer while the database is down, for public GETs outside conditionalGet. */
export function lastSnapshotOnOutage(clock: Clock): MiddlewareHandler {
  const shelf = createSnapshotShelf(clock);
  return async (c, next) => {
    await next();
    await keepOrServeSnapshot(c, shelf);
  };
}
