import { isIP } from "node:net";
import { internalAddressReason } from "./internal-address";

/** Hosts an administrator allowed webhooks to reach although they are internal (SNOWLINE_WEBHOOK_ALLOWED_HOSTS). */
export type AllowedWebhookHosts = ReadonlySet<string>;

export const NO_ALLOWED_HOSTS: AllowedWebhookHosts = new Set();

export const ALLOWED_HOSTS_SETTING = "SNOWLINE_WEBHOOK_ALLOWED_HOSTS";

/** A host as the URL parser writes it ("2130706433" and "0x7f.1" both become "127.0.0.1"), without IPv6 brackets. */
export function normaliseHost(host: string): string | null {
  try {
    const url = new URL(`http://${host.trim()}/`);
    if (url.port || url.username || url.pathname !== "/") return null;
    return url.hostname.replace(/^\[|\]$/g, "").replace(/\.$/, "").toLowerCase();
  } catch {
    return null;
  }
}

/** "hooks.internal, 10.0.0.5" → the set of hosts; null when an entry is not a host name or address. */
export function parseAllowedHosts(value: string): AllowedWebhookHosts | null {
  const hosts = new Set<string>();
  for (const entry of value.split(",").map((s) => s.trim()).filter(Boolean)) {
    const host = normaliseHost(entry);
    if (!host) return null;
    hosts.add(host);
  }
  return hosts;
}

export function isAllowedHost(host: string, allowed: AllowedWebhookHosts): boolean {
  const normalised = normaliseHost(host.includes(":") && !host.startsWith("[") ? `[${host}]` : host);
  return normalised !== null && allowed.has(normalised);
}

const refusal = (address: string, reason: string, host?: string) =>
  `${host ? `${host} resolves to ${address}` : address} is ${reason}: webhooks may only reach the public internet (an administrator can allow an internal host with ${ALLOWED_HOSTS_SETTING})`;

/**
 * Why a resolved address may not be reached for `host`, or null when it may. The same rule serves
 * registration (after DNS) and every connection (inside the socket's lookup).
 */
export function addressRefusal(address: string, host: string, allowed: AllowedWebhookHosts): string | null {
  if (isAllowedHost(host, allowed)) return null;
  const reason = internalAddressReason(address);
  if (!reason) return null;
  return refusal(address, reason, isIP(host.replace(/^\[|\]$/g, "")) ? undefined : host);
}

/** What is wrong with a webhook URL before any DNS: credentials, or an internal IP address written out. */
export function webhookUrlRefusal(url: string, allowed: AllowedWebhookHosts): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return "url must be an absolute URL";
  }
  if (parsed.username || parsed.password) return "url must not contain a user name or password";
  const host = parsed.hostname.replace(/^\[|\]$/g, "");
  if (!isIP(host)) return null;
  return addressRefusal(host, host, allowed);
}

/** The address as shown to people: credentials stored before they were refused are blanked out. */
export function withoutCredentials(url: string): string {
  try {
    const parsed = new URL(url);
    if (!parsed.username && !parsed.password) return url;
    parsed.username = "";
    parsed.password = "";
    return parsed.href;
  } catch {
    return url;
  }
}
