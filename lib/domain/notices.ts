import * as z from "zod";
import { isoTimeSchema, plainTextSchema } from "./status";

/** Council-wide banners on every public page and in the public API. */
export const NOTICE_LEVELS = ["info", "warning", "severe"] as const;
export type NoticeLevel = (typeof NOTICE_LEVELS)[number];
export const NOTICE_TEXT_MAX_LENGTH = 500;

export const noticeInputSchema = z
  .strictObject({
    level: z.enum(NOTICE_LEVELS, { message: `Level must be one of ${NOTICE_LEVELS.join(", ")}` }),
    text: plainTextSchema(NOTICE_TEXT_MAX_LENGTH, "Notice").pipe(z.string().trim().min(1, "Notice text is empty")),
    from: isoTimeSchema.nullish(),
    until: isoTimeSchema.nullish(),
  })
  .superRefine((notice, ctx) => {
    if (notice.from && notice.until && Date.parse(notice.until) <= Date.parse(notice.from)) {
      ctx.addIssue({ code: "custom", path: ["until"], message: "Until must be after from" });
    }
  });
export type NoticeInput = z.infer<typeof noticeInputSchema>;

/** What the public sees of a notice: no author. */
export const publicNoticeSchema = z.object({
  id: z.string(),
  level: z.enum(NOTICE_LEVELS),
  text: z.string(),
  from: isoTimeSchema.nullable(),
  until: isoTimeSchema.nullable(),
  createdAt: isoTimeSchema,
});
export type PublicNotice = z.infer<typeof publicNoticeSchema>;

/** A notice with its audit detail, for officers; the public gets PublicNotice. */
export interface Notice extends PublicNotice {
  createdBy: string;
  endedAt: string | null;
  endedBy: string | null;
}

export function toPublicNotice({ id, level, text, from, until, createdAt }: Notice): PublicNotice {
  return { id, level, text, from, until, createdAt };
}

/** A notice shows from its `from` (or creation) until its `until` (or until it is ended). */
export function isNoticeShowing(notice: PublicNotice, now: number): boolean {
  return (notice.from === null || Date.parse(notice.from) <= now) && (notice.until === null || Date.parse(notice.until) > now);
}
