import { randomBytes } from "node:crypto";
import type { IncomingMessage } from "node:http";

/** Carries this process's secret on the cache's own requests to itself; a client cannot guess it. */
export const CACHE_FILL_HEADER = "x-snowline-cache-fill";
export const CACHE_FILL_TOKEN = randomBytes(18).toString("base64url");

const fills = new WeakSet<IncomingMessage>();

/**
 * Recognises (and strips the secret from) a request the cache sent to fill an entry. Such a
 * request skips the cache, the CSP nonce and the read budget: the reader who missed was counted.
 */
export function claimCacheFill(req: IncomingMessage): boolean {
  if (req.headers[CACHE_FILL_HEADER] !== CACHE_FILL_TOKEN) return false;
  delete req.headers[CACHE_FILL_HEADER];
  fills.add(req);
  return true;
}

export const isCacheFill = (req: IncomingMessage | undefined): boolean => req !== undefined && fills.has(req);
