"use client";

import { useState } from "react";

export interface IdempotencyKeys {
  /** The key for sending this request: the same one again while it has not succeeded, so a retry is not stored twice. */
  keyFor(path: string, body: unknown): string;
  /** The action succeeded: the next request, even an identical one, is a new action with a new key. */
  settled(): void;
}

/**
 * One Idempotency-Key per user action (crypto.randomUUID). Sending the same request again after
 * no answer, a 5xx or "in progress" reuses the key, so a write whose answer was lost is not stored
 * a second time; a changed request is a new action.
 */
export function createIdempotencyKeys(): IdempotencyKeys {
  let pending: { request: string; key: string } | null = null;
  return {
    keyFor(path, body) {
      const request = `${path}\n${JSON.stringify(body)}`;
      if (pending?.request !== request) pending = { request, key: crypto.randomUUID() };
      return pending.key;
    },
    settled() {
      pending = null;
    },
  };
}

/** The keys of one form or button, kept across renders. */
export function useIdempotencyKeys(): IdempotencyKeys {
  return useState(createIdempotencyKeys)[0];
}
