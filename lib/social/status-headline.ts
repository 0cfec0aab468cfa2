import type { PublicStatus } from "../domain/status";
import { formatUkDateTime } from "../feeds/site-links";
import { UK_TIME_ZONE } from "../domain/uk-time";

const LONDON_DAY = new Intl.DateTimeFormat("en-CA", { timeZone: UK_TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit" });
const ukDay = (value: string | number) => LONDON_DAY.format(new Date(value));

/**
 * A status in a few words for cards and posts: "Closed" and "today", "until Wed 2 Dec, 09:00",
 * or for a scheduled one its start. `now` decides what "today" is (UK time).
 */
export function statusHeadline(status: PublicStatus, now: number): { label: string; when: string } {
  if (status.upcoming?.from && Date.parse(status.upcoming.from) > now && status.category === "ok") {
    return { label: status.upcoming.label, when: `from ${formatUkDateTime(status.upcoming.from)}` };
  }
  if (status.until) {
    return { label: status.label, when: ukDay(status.until) === ukDay(now) ? "today" : `until ${formatUkDateTime(status.until)}` };
  }
  return { label: status.label, when: status.category === "ok" ? "" : "until further notice" };
}
