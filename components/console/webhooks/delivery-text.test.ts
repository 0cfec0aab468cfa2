import { describe, expect, it } from "vitest";
import type { WebhookDelivery } from "@/lib/webhooks/webhook-schema";
import { canSendAgain, describeDeliveryState, describeLastResponse, describeSeqRange, formatAttemptTime } from "./delivery-text";

const base: WebhookDelivery = {
  id: "d1",
  webhookId: "w1",
  fromSeq: 7,
  toSeq: 7,
  state: "pending",
  attempts: 0,
  nextAttemptAt: "2025-01-07T06:45:10.000Z",
  createdAt: "2025-01-07T06:45:00.000Z",
  deliveredAt: null,
  lastError: null,
  attemptLog: [],
};
const attempt = (statusCode: number | null, error: string | null) => ({ attempt: 1, at: "2025-01-07T06:45:00.000Z", statusCode, error, durationMs: 12 });

describe("how the console describes a webhook delivery", () => {
  it("tells waiting, retrying, given-up and delivered apart, and offers to send again only after a failure", () => {
    const retrying = { ...base, attempts: 1, attemptLog: [attempt(503, "The receiver answered HTTP 503")] };
    const gaveUp = { ...base, state: "failed" as const, attempts: 9, nextAttemptAt: null };
    const delivered = { ...base, state: "delivered" as const, attempts: 2, attemptLog: [attempt(503, "x"), attempt(200, null)] };
    expect([base, retrying, gaveUp, delivered].map(describeDeliveryState)).toEqual([
      "Waiting to be sent",
      "Failed; will try again",
      "Failed; gave up after 9 attempts",
      "Delivered",
    ]);
    expect([base, retrying, gaveUp, delivered].map(canSendAgain)).toEqual([false, true, true, false]);
  });

  it("shows the receiver's last status code, or the network error when it never answered", () => {
    expect(describeLastResponse(base)).toBe("Not tried yet");
    expect(describeLastResponse({ ...base, attemptLog: [attempt(200, null), attempt(503, "The receiver answered HTTP 503")] })).toBe("HTTP 503");
    expect(describeLastResponse({ ...base, attemptLog: [attempt(null, "TypeError: fetch failed")] })).toBe("TypeError: fetch failed");
  });

  it("names the changes and gives attempt times to the second in UK time", () => {
    expect(describeSeqRange(base)).toBe("Change 7");
    expect(describeSeqRange({ ...base, toSeq: 9 })).toBe("Changes 7–9");
    expect(formatAttemptTime("2025-07-01T06:45:10.000Z")).toBe("Tue 07:45:10");
  });
});
