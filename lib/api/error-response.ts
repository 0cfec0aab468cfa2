import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  TooManyRequestsError,
  UnauthorizedError,
  ValidationError,
} from "../domain/errors";
import { ImportLimitError } from "../import/import-limits";
import { ImportRejectedError } from "../import/import-report";
import { isDatabaseUnavailable } from "../store/database-errors";
import type { ErrorBody } from "./error-body";

/** How long a client should wait before retrying while the database cannot be reached. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

export type { ErrorBody };

/** The one mapping from domain errors to what HTTP responses and socket acks say. */
export function describeError(error: unknown): ErrorBody {
  if (error instanceof ImportRejectedError) {
    return { status: 422, message: error.message, fieldErrors: error.fieldErrors, report: error.report };
  }
  if (error instanceof ImportLimitError) return { status: 413, message: error.message, fieldErrors: error.fieldErrors };
  if (error instanceof ValidationError) return { status: 400, message: error.message, fieldErrors: error.fieldErrors };
  if (error instanceof UnauthorizedError) return { status: 401, message: error.message };
  if (error instanceof ForbiddenError) return { status: 403, message: error.message };
  if (error instanceof NotFoundError) {
    return { status: 404, message: error.message, ...(error.fieldErrors.length ? { fieldErrors: error.fieldErrors } : {}) };
  }
  if (error instanceof ConflictError) return { status: 409, message: error.message, conflicts: error.conflicts };
  if (error instanceof TooManyRequestsError) return { status: 429, message: error.message, retryAfterSeconds: error.retryAfterSeconds };
  if (isDatabaseUnavailable(error)) {
    return {
      status: 503,
      message: "Snowline cannot reach its database just now; try again in a few seconds (a write sent now was not stored)",
      retryAfterSeconds: DATABASE_RETRY_AFTER_SECONDS,
    };
  }
  return { status: 500, message: "Something went wrong on our side; it has been logged" };
}
