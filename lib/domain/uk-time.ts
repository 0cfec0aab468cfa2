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

const HOUR_MS = 3_600_000;

/** The last Sunday of a month (1–12), as a day of that month. */
function lastSunday(year: number, month: number): number {
  const lastDay = new Date(Date.UTC(year, month, 0));
  return lastDay.getUTCDate() - lastDay.getUTCDay();
}

/**
 * How far UK time is ahead of UTC at this instant: one hour from 01:00 UTC on the last Sunday of
 * March to 01:00 UTC on the last Sunday of October (the rule since 1996), otherwise none.
 * Worked out by hand rather than with Intl because a phone's first Intl.DateTimeFormat loads
 * the time-zone database, which blocks the resident page for a few hundred milliseconds; a test
 * checks this against Intl across years and every clock change.
 */
function ukOffsetMs(ms: number): number {
  const year = new Date(ms).getUTCFullYear();
  const summerStarts = Date.UTC(year, 2, lastSunday(year, 3), 1);
  const summerEnds = Date.UTC(year, 9, lastSunday(year, 10), 1);
  return ms >= summerStarts && ms < summerEnds ? HOUR_MS : 0;
}

export function ukWallTime(ms: number): WallTime & { second: number } {
  const wall = new Date(ms + ukOffsetMs(ms));
  return {
    year: wall.getUTCFullYear(),
    month: wall.getUTCMonth() + 1,
    day: wall.getUTCDate(),
    hour: wall.getUTCHours(),
    minute: wall.getUTCMinutes(),
    second: wall.getUTCSeconds(),
  };
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
