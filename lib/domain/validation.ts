import type { z } from "zod";
import { ValidationError, type FieldError } from "./errors";

export function fieldErrorsOf(error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join(".") || "(root)",
    message: issue.message,
  }));
}

/** Parses input at an edge of the system; anything invalid becomes a ValidationError with field messages. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, message?: string): z.infer<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw new ValidationError(fieldErrorsOf(result.error), message);
  return result.data;
}
