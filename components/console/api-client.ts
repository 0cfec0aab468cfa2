"use client";

import type { ErrorBody } from "@/lib/api/error-response";
import { CSRF_HEADER } from "@/lib/auth/session-policy";
import type { IdempotencyKeys } from "./idempotency-keys";

export type ApiResult<T> = { ok: true; status: number; data: T } | { ok: false; status: number; error: ErrorBody };

/**
 * Calls the console's JSON API with the session cookie and the CSRF token; never throws for HTTP errors.
 * A FormData body is sent as multipart (file uploads), anything else as JSON. With `idempotency`,
 * the write carries an Idempotency-Key that a retry of the same request reuses.
 */
export async function callApi<T>(
  path: string,
  options: { method?: string; body?: unknown; csrfToken: string; idempotency?: IdempotencyKeys },
): Promise<ApiResult<T>> {
  const headers: Record<string, string> = { [CSRF_HEADER]: options.csrfToken };
  if (options.idempotency) headers["idempotency-key"] = options.idempotency.keyFor(path, options.body);
  const isForm = options.body instanceof FormData;
  if (options.body !== undefined && !isForm) headers["content-type"] = "application/json";
  let res: Response;
  try {
    res = await fetch(path, {
      method: options.method ?? "POST",
      headers,
      body: options.body === undefined ? undefined : isForm ? (options.body as FormData) : JSON.stringify(options.body),
      credentials: "same-origin",
      cache: "no-store",
    });
  } catch {
    return { ok: false, status: 0, error: { status: 0, message: "Snowline could not be reached. Check your connection and try again; nothing was sent." } };
  }
  const payload: unknown = await res.json().catch(() => null);
  if (res.ok) {
    options.idempotency?.settled();
    return { ok: true, status: res.status, data: payload as T };
  }
  const error = (payload as { error?: ErrorBody } | null)?.error ?? { status: res.status, message: `The request failed (${res.status})` };
  return { ok: false, status: res.status, error };
}

export const signInAgainPath = () => `/sign-in?next=${encodeURIComponent(window.location.pathname + window.location.search)}`;
