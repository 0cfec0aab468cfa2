import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import { webhookUrlRefusal } from "../../lib/webhooks/webhook-target";
import { RefusedTargetError, type WebhookTargets } from "./webhook-targets";

export interface WebhookPost {
  url: string;
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
}

/** Sends one delivery; resolves with the receiver's status code (its body is never read), rejects on a refusal or network error. */
export type WebhookPoster = (post: WebhookPost) => Promise<number>;

/**
 * POSTs over node:http(s) with the targets' `lookup` on the socket, so the address checked is the
 * address connected to. No redirects are followed; the answer's body is discarded unread.
 */
export function createWebhookPoster(targets: WebhookTargets): WebhookPoster {
  return ({ url, headers, body, timeoutMs }) =>
    new Promise((resolve, reject) => {
      // An IP address written in the URL never reaches `lookup`, so it is checked here.
      const refusal = webhookUrlRefusal(url, targets.allowedHosts);
      if (refusal) return reject(new RefusedTargetError(refusal));
      const target = new URL(url);
      const send = target.protocol === "https:" ? httpsRequest : httpRequest;
      const req = send(
        target,
        {
          method: "POST",
          headers: { ...headers, "content-length": String(Buffer.byteLength(body)) },
          lookup: targets.lookup,
          agent: false,
          signal: AbortSignal.timeout(timeoutMs),
        },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on("error", reject);
      req.end(body);
    });
}
