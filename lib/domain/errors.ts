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
