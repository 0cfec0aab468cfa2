import { UK_TIME_ZONE } from "@/lib/domain/uk-time";
import type { WebhookDelivery } from "@/lib/webhooks/webhook-schema";

// Backoff starts at 10 s, so the next attempt needs seconds; the day is there for the hourly ones.
const attemptTimeFormat = new Intl.DateTimeFormat("en-GB", { weekday: "short", hour: "2-digit", minute: "2-digit", second: "2-digit", timeZone: UK_TIME_ZONE });

/** "Tue 06:45:10", UK time. */
export const formatAttemptTime = (iso: string) => attemptTimeFormat.format(new Date(iso));

/** Whether the last attempt failed, so an admin may send it again now. */
export const canSendAgain = (d: WebhookDelivery) => d.state === "failed" || (d.state === "pending" && d.attempts > 0);

export function describeDeliveryState(d: WebhookDelivery): string {
  if (d.state === "delivered") return "Delivered";
  if (d.state === "failed") return `Failed; gave up after ${d.attempts} ${d.attempts === 1 ? "attempt" : "attempts"}`;
  return d.attempts ? "Failed; will try again" : "Waiting to be sent";
}

/** What the receiver last answered: its HTTP status, or why there was no answer. */
export function describeLastResponse(d: WebhookDelivery): string {
  const last = d.attemptLog.at(-1);
  if (!last) return "Not tried yet";
  if (last.statusCode !== null) return `HTTP ${last.statusCode}`;
  return last.error ?? "No answer";
}

export const describeSeqRange = (d: WebhookDelivery) => (d.fromSeq === d.toSeq ? `Change ${d.fromSeq}` : `Changes ${d.fromSeq}–${d.toSeq}`);
