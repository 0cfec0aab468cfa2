import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from "node:dns";
import { ValidationError } from "../../lib/domain/errors";
import { addressRefusal, NO_ALLOWED_HOSTS, webhookUrlRefusal, type AllowedWebhookHosts } from "../../lib/webhooks/webhook-target";

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;
/** The `lookup` that net.connect calls for a host name (with `all: true` when it races IPv4 and IPv6). */
export type SocketLookup = (hostname: string, options: LookupOptions, callback: LookupCallback) => void;

export class RefusedTargetError extends Error {
  readonly code = "ERR_WEBHOOK_TARGET_REFUSED";
  constructor(message: string) {
    super(message);
    this.name = "RefusedTargetError";
  }
}

export interface WebhookTargets {
  allowedHosts: AllowedWebhookHosts;
  /** Refuses (ValidationError on `url`, so 400) an address that is internal by itself or by its DNS answer. */
  checkRegistration(url: string): Promise<void>;
  /** For the socket: resolves, then refuses the connection when any answer is internal, so DNS rebinding cannot slip past. */
  lookup: SocketLookup;
}

const REGISTRATION_DNS_TIMEOUT_MS = 3_000;

export function createWebhookTargets(allowedHosts: AllowedWebhookHosts = NO_ALLOWED_HOSTS): WebhookTargets {
  const lookup: SocketLookup = (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, options.all ? [] : "");
      for (const { address } of addresses) {
        const refusal = addressRefusal(address, hostname, allowedHosts);
        if (refusal) return callback(new RefusedTargetError(refusal), options.all ? [] : "");
      }
      if (options.all) return callback(null, addresses);
      const [first] = addresses;
      callback(null, first!.address, first!.family);
    });
  };

  async function resolveAll(hostname: string): Promise<LookupAddress[]> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve([]), REGISTRATION_DNS_TIMEOUT_MS);
      dnsLookup(hostname, { all: true }, (error, addresses) => {
        clearTimeout(timer);
        // A name that does not resolve yet is accepted: every delivery resolves again and checks.
        resolve(error ? [] : addresses);
      });
    });
  }

  return {
    allowedHosts,
    lookup,
    async checkRegistration(url) {
      const refuse = (message: string) => new ValidationError([{ path: "url", message }], "The webhook is invalid; nothing was stored");
      const literal = webhookUrlRefusal(url, allowedHosts);
      if (literal) throw refuse(literal);
      const hostname = new URL(url).hostname.replace(/^\[|\]$/g, "");
      for (const { address } of await resolveAll(hostname)) {
        const refusal = addressRefusal(address, hostname, allowedHosts);
        if (refusal) throw refuse(refusal);
      }
    },
  };
}
