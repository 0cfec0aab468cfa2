/** Domain errors, mapped to HTTP statuses and socket acks in one place each (server/http/errors.ts). */

export interface FieldError {
  /** Dotted path of the offending field, e.g. `changes.3.status.code`. */
  path: string;
  message: string;
}

export class ValidationError extends Error {
  constructor(readonly fieldErrors: FieldError[], message = "The request has invalid fields") {
    super(message);
    this.name = "ValidationError";
  }
}

export class NotFoundError extends Error {
  constructor(message: string, readonly fieldErrors: FieldError[] = []) {
    super(message);
    this.name = "NotFoundError";
  }
}

export interface VersionConflict {
  assetId: string;
  expectedVersion: number;
  currentVersion: number;
  /** Index of the change in the request. */
  index: number;
  /**
   * For authenticated callers only (the public never sees authors): what the asset holds now and
   * who made the change the caller had not seen, so an officer can re-apply or keep theirs.
   */
  current?: ConflictDetail;
}

export interface ConflictDetail {
  assetName: string;
  status: { code: string; label: string; message: string; from: string | null; until: string | null; upcoming: { label: string; from: string | null } | null };
  lastChange: { seq: number; kind: string; at: string; by: string } | null;
}

export class ConflictError extends Error {
  constructor(readonly conflicts: VersionConflict[]) {
    super(
      conflicts.length === 1
        ? `Asset ${conflicts[0]!.assetId} changed since you loaded it (version ${conflicts[0]!.currentVersion}, you expected ${conflicts[0]!.expectedVersion})`
        : `${conflicts.length} assets changed since you loaded them`,
    );
    this.name = "ConflictError";
  }
}

export class UnauthorizedError extends Error {
  constructor(message = "Sign in or send a valid API token") {
    super(message);
    this.name = "UnauthorizedError";
  }
}

export class ForbiddenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ForbiddenError";
  }
}

/** Too many attempts (sign-in throttling); says when to try again. */
export class TooManyRequestsError extends Error {
  constructor(message: string, readonly retryAfterSeconds: number) {
    super(message);
    this.name = "TooManyRequestsError";
  }
}
