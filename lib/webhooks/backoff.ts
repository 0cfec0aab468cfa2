/** Waits between attempts: quick at first (a receiver restarting), then up to an hour apart. */
export const WEBHOOK_RETRY_DELAYS_MS = [10_000, 30_000, 120_000, 600_000, 1_800_000, 3_600_000, 3_600_000, 3_600_000] as const;

/** When to try again after `attempts` failed attempts, or null when the delivery has failed for good. */
export function nextAttemptAfter(attempts: number, now: number): number | null {
  const delay = WEBHOOK_RETRY_DELAYS_MS[attempts - 1];
  return delay === undefined ? null : now + delay;
}
