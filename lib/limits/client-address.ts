/**
 * The address a request came from, for per-address budgets and the audit log.
 *
 * Without a trusted proxy it is the socket's peer: X-Forwarded-For is written by the client and
 * would let anyone pick their own budget. Behind a reverse proxy (SNOWLINE_TRUST_PROXY=1) every
 * peer is the proxy, so every resident would share one budget; there the proxy appends the peer it
 * saw as the last X-Forwarded-For hop, and only that hop is read (earlier hops are the client's word).
 */
export interface AddressSource {
  /** The TCP peer: the client, or the proxy in front. */
  socketAddress: string | null | undefined;
  /** The X-Forwarded-For header as received; repeated headers arrive joined with ", ". */
  forwardedFor: string | string[] | null | undefined;
  trustProxy: boolean;
}

// Digits, hex, dots and colons: an IPv4 or IPv6 address as proxies write them. Anything else (a
// port, a name, garbage) is not a hop we can count on, so the socket's address is kept.
const ADDRESS = /^[0-9A-Fa-f:.]{2,45}$/;

export function clientAddress({ socketAddress, forwardedFor, trustProxy }: AddressSource): string | null {
  const peer = socketAddress || null;
  if (!trustProxy || !forwardedFor) return peer;
  const joined = Array.isArray(forwardedFor) ? forwardedFor.join(",") : forwardedFor;
  const lastHop = joined.split(",").at(-1)?.trim() ?? "";
  return ADDRESS.test(lastHop) ? lastHop : peer;
}
