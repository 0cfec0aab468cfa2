import * as z from "zod";

/** Domain errors, mapped to HTTP statuses and socket acks in one place each (server/http/errors.ts). */

export const fieldErrorSchema = z.object({
  path: z.string().describe("Dotted path of the offending field, e.g. `changes.3.status.code`"),
  message: z.string(),
});
export type FieldError = z.infer<typeof fieldErrorSchema>;

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

export const conflictDetailSchema = z.object({
  assetName: z.string(),
  status: z.object({
    code: z.string(),
    label: z.string(),
    message: z.string(),
    from: z.string().nullable(),
    until: z.string().nullable(),
    upcoming: z.object({ label: z.string(), from: z.string().nullable() }).nullable(),
  }),
  lastChange: z.object({ seq: z.int(), kind: z.string(), at: z.string(), by: z.string() }).nullable(),
});
export type ConflictDetail = z.infer<typeof conflictDetailSchema>;

export const versionConflictSchema = z.object({
  assetId: z.string(),
  expectedVersion: z.int(),
  currentVersion: z.int(),
  index: z.int().describe("Index of the change in the request"),
  /*
   * For authenticated callers only (the public never sees authors): what the asset holds now and
   * who made the change the caller had not seen, so an officer can re-apply or keep theirs.
   */
  current: conflictDetailSchema.optional().describe("Who changed the asset since, and what it holds now (authenticated callers only)"),
});
export type VersionConflict = z.infer<typeof versionConflictSchema>;

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
