import type { NoticeLevel, PublicNotice } from "../domain/notices";

const LEVEL_ORDER: Record<NoticeLevel, number> = { severe: 0, warning: 1, info: 2 };

// The same rule as isNoticeShowing in lib/domain/notices.ts (the test holds them together), kept
// here so the browser bundle does not pull in that module's zod schemas.
const showing = (notice: PublicNotice, now: number) =>
  (notice.from === null || Date.parse(notice.from) <= now) && (notice.until === null || Date.parse(notice.until) > now);

/** Notices to show at `now`, most severe first, then newest. The server also sends upcoming ones. */
export function noticesShowing(notices: readonly PublicNotice[], now: number): PublicNotice[] {
  return notices
    .filter((notice) => showing(notice, now))
    .sort((a, b) => LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level] || Date.parse(b.createdAt) - Date.parse(a.createdAt));
}

/** When the set of showing notices next changes by itself (a `from` or `until` passing), or null. */
export function nextNoticeChange(notices: readonly PublicNotice[], now: number): number | null {
  let next: number | null = null;
  for (const notice of notices) {
    for (const time of [notice.from, notice.until]) {
      const at = time === null ? NaN : Date.parse(time);
      if (at > now && (next === null || at < next)) next = at;
    }
  }
  return next;
}
