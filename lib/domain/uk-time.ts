/**
 * UK wall-clock time (Europe/London, GMT in winter and BST in summer), whatever zone the server
 * or the officer's laptop is in. Council officers think in "07:00 tomorrow", so forms speak UK
 * time and the store keeps instants.
 */
export const UK_TIME_ZONE = "Europe/London";

export interface WallTime {
  year: number;
  /** 1–12. */
  month: number;
  day: number;
  hour: number;
  minute: number;
}

const partsFormat = new Intl.DateTimeFormat("en-GB", {
  timeZone: UK_TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
});

export function ukWallTime(ms: number): WallTime & { second: number } {
  const parts = Object.fromEntries(partsFormat.formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

/** How far UK time is ahead of UTC at this instant: 0 in winter, one hour in summer. */
function ukOffsetMs(ms: number): number {
  const w = ukWallTime(ms);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - Math.floor(ms / 1000) * 1000;
}

/**
 * The instant at which UK clocks show this wall time. Out-of-range days roll over (day 32 is the
 * 1st of next month). A time skipped when clocks go forward resolves to the hour after.
 */
export function fromUkWallTime(wall: WallTime): number {
  const naive = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);
  const first = naive - ukOffsetMs(naive);
  const second = naive - ukOffsetMs(first);
  return second;
}

function addDays(ms: number, days: number): WallTime {
  const today = ukWallTime(ms);
  const shifted = new Date(Date.UTC(today.year, today.month - 1, today.day + days));
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate(), hour: 0, minute: 0 };
}

/** 23:59 today, UK time. */
export function endOfTodayUk(now: number): number {
  return fromUkWallTime({ ...addDays(now, 0), hour: 23, minute: 59 });
}

/** 07:00 tomorrow, UK time. */
export function sevenTomorrowUk(now: number): number {
  return fromUkWallTime({ ...addDays(now, 1), hour: 7, minute: 0 });
}

const LOCAL_INPUT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?$/;

/** Reads the value of an `<input type="datetime-local">` as UK time; null if it is not one. */
export function parseUkDateTimeInput(value: string): number | null {
  const match = LOCAL_INPUT.exec(value.trim());
  if (!match) return null;
  const [year, month, day, hour, minute] = match.slice(1, 6).map(Number) as [number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59) return null;
  return fromUkWallTime({ year, month, day, hour, minute });
}

const pad = (n: number) => String(n).padStart(2, "0");

/** The value for an `<input type="datetime-local">` showing this instant in UK time. */
export function toUkDateTimeInput(ms: number): string {
  const w = ukWallTime(ms);
  return `${w.year}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}`;
}
