import * as z from "zod";
import { layerSchema } from "../domain/layers";
import { parseUkDateTimeInput } from "../domain/uk-time";

export const AUDIT_PAGE_MAX = 1000;
export const AUDIT_PAGE_DEFAULT = 200;

// Filter forms send every field, empty when unused.
const blankToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

/** A time in a filter: an `<input type="datetime-local">` value read as UK time, or ISO 8601. */
const filterTimeSchema = z.preprocess(
  blankToUndefined,
  z
    .string()
    .transform((value, ctx) => {
      const ms = parseUkDateTimeInput(value) ?? (z.iso.datetime({ offset: true }).safeParse(value).success ? Date.parse(value) : null);
      if (ms === null) {
        ctx.addIssue({ code: "custom", message: "Use a date and time such as 2026-12-01T07:00" });
        return z.NEVER;
      }
      return ms;
    })
    .optional(),
);

/** Who made a change: `user:<id>`, `token:<id>` or `system` (scheduled starts and expiries). */
export const actorFilterSchema = z.preprocess(
  blankToUndefined,
  z
    .string()
    .regex(/^(?:(?:user|token):[A-Za-z0-9._-]{1,80}|system)$/, "Choose a person, a token or Snowline")
    .optional(),
);

/** The audit log's filters, shared by the console page's form, the JSON API and the CSV export. */
export const auditQuerySchema = z
  .object({
    by: actorFilterSchema,
    asset: z.preprocess(blankToUndefined, z.string().trim().max(120).optional()),
    layer: z.preprocess(blankToUndefined, layerSchema.optional()),
    from: filterTimeSchema,
    to: filterTimeSchema,
    /** Paging: only changes with a lower seq than this. */
    before: z.preprocess(blankToUndefined, z.coerce.number().int().positive().optional()),
    limit: z.preprocess(
      blankToUndefined,
      z.coerce.number().int().min(1).max(AUDIT_PAGE_MAX, `limit may be at most ${AUDIT_PAGE_MAX}`).default(AUDIT_PAGE_DEFAULT),
    ),
  })
  .superRefine((query, ctx) => {
    if (query.from !== undefined && query.to !== undefined && query.to <= query.from) {
      ctx.addIssue({ code: "custom", path: ["to"], message: "To must be after from" });
    }
  });
export type AuditQuery = z.infer<typeof auditQuerySchema>;

export function parseActorFilter(by: string | undefined): { type: string; id: string | null } | null {
  if (!by) return null;
  if (by === "system") return { type: "system", id: null };
  const [type, id] = by.split(":", 2) as [string, string];
  return { type, id };
}
