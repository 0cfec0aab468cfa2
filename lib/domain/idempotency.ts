/** A caller's claim on an Idempotency-Key: `scope` names the caller, so keys never collide across callers. */
export interface IdempotencyClaim {
  scope: string;
  key: string;
}

/** Keys are kept this long; a retry after that is a new request. */
export const IDEMPOTENCY_KEY_TTL_MS = 24 * 60 * 60 * 1000;
/** A claim that stored nothing and never answered (its process died) may be taken over after this. */
export const IDEMPOTENCY_CLAIM_LEASE_MS = 60 * 1000;
