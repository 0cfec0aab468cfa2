import { isIP } from "node:net";

/**
 * Which addresses a webhook may not reach: everything that is not the public internet. Each range
 * names what it is, so a refusal can say why.
 */
const IPV4_RANGES: [cidr: string, what: string][] = [
  ["0.0.0.0/8", "an unspecified address"],
  ["10.0.0.0/8", "a private address"],
  ["100.64.0.0/10", "a shared (CGNAT) address"],
  ["127.0.0.0/8", "a loopback address"],
  ["169.254.0.0/16", "a link-local address"],
  ["172.16.0.0/12", "a private address"],
  ["192.0.0.0/24", "a reserved address"],
  ["192.0.2.0/24", "a documentation address"],
  ["192.88.99.0/24", "a reserved address"],
  ["192.168.0.0/16", "a private address"],
  ["198.18.0.0/15", "a benchmarking address"],
  ["198.51.100.0/24", "a documentation address"],
  ["203.0.113.0/24", "a documentation address"],
  ["224.0.0.0/4", "a multicast address"],
  ["240.0.0.0/4", "a reserved address"],
];

const IPV6_RANGES: [cidr: string, what: string][] = [
  ["::/128", "an unspecified address"],
  ["::1/128", "a loopback address"],
  ["64:ff9b:1::/48", "a private (local NAT64) address"],
  ["100::/64", "a discard address"],
  ["2001::/32", "a Teredo tunnel address"],
  ["2001:2::/48", "a benchmarking address"],
  ["2001:db8::/32", "a documentation address"],
  ["fc00::/7", "a unique-local address"],
  ["fe80::/10", "a link-local address"],
  ["fec0::/10", "a site-local address"],
  ["ff00::/8", "a multicast address"],
];

function ipv4ToNumber(address: string): number {
  return address.split(".").reduce((n, part) => n * 256 + Number(part), 0);
}

function ipv6ToBigInt(address: string): bigint {
  let text = address.toLowerCase();
  // A trailing dotted quad (::ffff:127.0.0.1) is the last 32 bits.
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const n = ipv4ToNumber(dotted[1]!);
    text = `${text.slice(0, dotted.index)}${(n >>> 16).toString(16)}:${(n & 0xffff).toString(16)}`;
  }
  const [head, tail] = text.includes("::") ? text.split("::") : [text, undefined];
  const headParts = head ? head.split(":") : [];
  const tailParts = tail ? tail.split(":") : [];
  const zeros = tail === undefined ? [] : Array<string>(8 - headParts.length - tailParts.length).fill("0");
  return [...headParts, ...zeros, ...tailParts].reduce((n, part) => (n << 16n) | BigInt(parseInt(part, 16)), 0n);
}

function inRange(value: bigint, cidr: string, bits: number, parse: (a: string) => bigint): boolean {
  const [base, prefix] = cidr.split("/");
  const shift = BigInt(bits - Number(prefix));
  return value >> shift === parse(base!) >> shift;
}

const v4 = (a: string) => BigInt(ipv4ToNumber(a));

/** Why an IPv4 or IPv6 address is internal ("a loopback address"), or null for a public one. */
export function internalAddressReason(address: string): string | null {
  const bare = address.replace(/^\[|\]$/g, "").replace(/%.*$/, "");
  const family = isIP(bare);
  if (family === 4) {
    const value = v4(bare);
    return IPV4_RANGES.find(([cidr]) => inRange(value, cidr, 32, v4))?.[1] ?? null;
  }
  if (family !== 6) return "not an IP address";
  const value = ipv6ToBigInt(bare);
  const embeddedV4 = embeddedIpv4(value);
  if (embeddedV4 !== null) return internalAddressReason(embeddedV4);
  const named = IPV6_RANGES.find(([cidr]) => inRange(value, cidr, 128, ipv6ToBigInt));
  if (named) return named[1];
  // Only global unicast (2000::/3) reaches the internet; the rest is reserved.
  return value >> 125n === 1n ? null : "a reserved address";
}

/** The IPv4 address an IPv6 address stands for (mapped, compatible, NAT64 or 6to4), if any. */
function embeddedIpv4(value: bigint): string | null {
  const low32 = Number(value & 0xffffffffn);
  const toDotted = (n: number) => [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join(".");
  if (value >> 32n === 0xffffn) return toDotted(low32); // ::ffff:a.b.c.d
  if (value >> 32n === 0n && value > 1n) return toDotted(low32); // ::a.b.c.d (deprecated)
  if (value >> 32n === 0x64ff9b0000000000000000n) return toDotted(low32); // 64:ff9b::a.b.c.d
  if (value >> 112n === 0x2002n) return toDotted(Number((value >> 80n) & 0xffffffffn)); // 2002:aabb:ccdd::
  return null;
}
