import { createHmac, timingSafeEqual } from "node:crypto";

/** Headers every delivery carries; documented on /developers with a verification example. */
export const WEBHOOK_HEADERS = {
  delivery: "snowline-delivery",
  timestamp: "snowline-timestamp",
  signature: "snowline-signature",
} as const;

/**
 * `sha256=` + hex HMAC-SHA256 of "<timestamp>.<body>" keyed with the webhook's secret. Signing the
 * timestamp with the body lets a receiver refuse replays of an old delivery.
 */
export function signWebhookBody(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`;
}

/** What a receiver does: recompute and compare in constant time. */
export function verifyWebhookSignature(secret: string, timestamp: number, body: string, signature: string): boolean {
  const expected = Buffer.from(signWebhookBody(secret, timestamp, body));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
