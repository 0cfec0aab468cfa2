import * as z from "zod";
import { fieldErrorSchema, versionConflictSchema } from "../domain/errors";
import { importReportSchema } from "../import/import-report";

/** What every refusal carries under `error`: HTTP error responses and socket acks alike. */
export const errorBodySchema = z.object({
  status: z.int(),
  message: z.string(),
  fieldErrors: z.array(fieldErrorSchema).optional(),
  conflicts: z.array(versionConflictSchema).optional(),
  report: importReportSchema.optional().describe("For an import whose rows were rejected: the whole dry-run report"),
  retryAfterSeconds: z.int().optional(),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

/** The JSON body of every error response and error ack. */
export const errorResponseSchema = z.object({ error: errorBodySchema });
