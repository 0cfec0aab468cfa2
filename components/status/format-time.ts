import { ukWallTime } from "@/lib/domain/uk-time";

// Spelled out rather than formatted with Intl: see ukWallTime for why the resident page avoids Intl.
const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"] as const;
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sept", "Oct", "Nov", "Dec"] as const;

const pad = (n: number) => String(n).padStart(2, "0");
const wallTimeOf = (value: string | Date) => ukWallTime(typeof value === "string" ? Date.parse(value) : value.getTime());

/** "06:45", in UK time whatever the server's or the phone's zone. */
export function formatTime(value: string | Date): string {
  const w = wallTimeOf(value);
  return `${pad(w.hour)}:${pad(w.minute)}`;
}

/** "Tue 1 Dec, 06:45", as en-GB writes it (with "Sept", as en-GB does). */
export function formatDateTime(value: string | Date): string {
  const w = wallTimeOf(value);
  const weekday = WEEKDAYS[new Date(Date.UTC(w.year, w.month - 1, w.day)).getUTCDay()]!;
  return `${weekday} ${w.day} ${MONTHS[w.month - 1]!}, ${pad(w.hour)}:${pad(w.minute)}`;
}
