import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { describeError } from "../../lib/api/error-response";
import type { Logger } from "../logger";

/** An HTTP-level refusal that has no domain meaning (wrong content type, body too large). */
export class HttpStatusError extends Error {
  constructor(readonly status: ContentfulStatusCode, message: string) {
    super(message);
    this.name = "HttpStatusError";
  }
}

/** Turns any thrown error into the JSON error body; unexpected ones are logged, never shown. */
export function errorResponse(c: Context, error: unknown, logger: Logger): Response {
  if (error instanceof HttpStatusError) return httpError(c, error.status, error.message);
  const body = describeError(error);
  if (body.status === 503) logger.warn({ err: error, path: c.req.path }, "database unavailable");
  else if (body.status >= 500) logger.error({ err: error, path: c.req.path }, "request failed");
  if (body.retryAfterSeconds !== undefined) c.header("retry-after", String(body.retryAfterSeconds));
  return c.json({ error: body }, body.status as ContentfulStatusCode);
}

export function httpError(c: Context, status: ContentfulStatusCode, message: string): Response {
  return c.json({ error: { status, message } }, status);
}
