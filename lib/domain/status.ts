import * as z from "zod";
import { assetIdSchema, type Asset } from "./assets";
import type { Layer } from "./layers";
import { safeTextSchema } from "./safe-text";
import { describeStatus, type StatusCategory } from "./status-codes";

export const MESSAGE_MAX_LENGTH = 500;
export const BATCH_MAX_CHANGES = 2000;

export const isoTimeSchema = z.iso.datetime({ offset: true, message: "Use an ISO 8601 time such as 2026-12-01T07:00:00Z" });

/** Officer text, kept as typed (line breaks aside) and only ever rendered as text; see safe-text.ts. */
export function plainTextSchema(maxLength: number, what = "Message") {
  return safeTextSchema(maxLength, what);
}

export const statusInputSchema = z
  .strictObject({
    code: z.string({ message: "Status code is required" }).min(1, "Status code is required").max(40),
    message: plainTextSchema(MESSAGE_MAX_LENGTH).default(""),
    from: isoTimeSchema.nullish(),
    until: isoTimeSchema.nullish(),
  })
  .superRefine((status, ctx) => {
    if (status.from && status.until && Date.parse(status.until) <= Date.parse(status.from)) {
      ctx.addIssue({ code: "custom", path: ["until"], message: "Until must be after from" });
    }
  });
export type StatusInput = z.infer<typeof statusInputSchema>;

export const changeInputSchema = z.strictObject({
  assetId: assetIdSchema,
  status: statusInputSchema,
  expectedVersion: z.int().min(0).optional(),
});
export type ChangeInput = z.infer<typeof changeInputSchema>;

export const changeBatchInputSchema = z.strictObject({
  changes: z
    .array(changeInputSchema)
    .min(1, "Send at least one change")
    .max(BATCH_MAX_CHANGES, `Send at most ${BATCH_MAX_CHANGES} changes at once`),
});
export type ChangeBatchInput = z.infer<typeof changeBatchInputSchema>;

/** A status as stored: times in epoch milliseconds. */
export interface StatusRecord {
  code: string;
  message: string;
  from: number | null;
  until: number | null;
}

/** The state of one asset: what holds now, what is scheduled next, and how many changes it has seen. */
export interface AssetState {
  current: StatusRecord & { setAt: number };
  upcoming: StatusRecord | null;
  version: number;
  lastSeq: number;
}

const publicStatusFields = {
  code: z.string(),
  label: z.string(),
  category: z.enum(["ok", "disrupted", "closed"]),
  message: z.string(),
  from: isoTimeSchema.nullable(),
  until: isoTimeSchema.nullable(),
};

export const upcomingStatusSchema = z.object(publicStatusFields);
export type UpcomingStatus = z.infer<typeof upcomingStatusSchema>;

/** What the public sees of an asset's status: no authors, no audit detail. */
export const publicStatusSchema = z.object({
  ...publicStatusFields,
  setAt: isoTimeSchema,
  version: z.int().min(0),
  upcoming: upcomingStatusSchema.nullable(),
});
export type PublicStatus = z.infer<typeof publicStatusSchema>;

export type AssetWithStatus = Asset & { status: PublicStatus };
/** An asset and its status without its geometry: what lists, summaries and live pages need. */
export type AssetSummaryWithStatus = Omit<AssetWithStatus, "geometry">;

const toIso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

function publicFields(layer: Layer, record: StatusRecord) {
  const definition = describeStatus(layer, record.code);
  return {
    code: record.code,
    label: definition.label,
    category: definition.category as StatusCategory,
    message: record.message,
    from: toIso(record.from),
    until: toIso(record.until),
  };
}

export function toPublicStatus(layer: Layer, state: AssetState): PublicStatus {
  return {
    ...publicFields(layer, state.current),
    setAt: new Date(state.current.setAt).toISOString(),
    version: state.version,
    upcoming: state.upcoming ? publicFields(layer, state.upcoming) : null,
  };
}

export function toStatusRecord(input: StatusInput): StatusRecord {
  return {
    code: input.code,
    message: input.message,
    from: input.from ? Date.parse(input.from) : null,
    until: input.until ? Date.parse(input.until) : null,
  };
}
