import { describe, expect, it } from "vitest";
import { untilForPreset } from "./time-presets";
import { endOfTodayUk, fromUkWallTime, parseUkDateTimeInput, sevenTomorrowUk, toUkDateTimeInput, ukWallTime } from "./uk-time";

const iso = (ms: number) => new Date(ms).toISOString();

describe("UK time", () => {
  it("reads wall times as GMT in winter and BST in summer", () => {
    expect(iso(fromUkWallTime({ year: 2026, month: 12, day: 2, hour: 7, minute: 0 }))).toBe("2026-12-02T07:00:00.000Z");
    expect(iso(fromUkWallTime({ year: 2026, month: 7, day: 2, hour: 7, minute: 0 }))).toBe("2026-07-02T06:00:00.000Z");
  });

  it("gives 07:00 tomorrow and the end of today in UK time, also late in the evening and across month ends", () => {
    const winterEvening = Date.parse("2026-12-31T23:30:00Z");
    expect(iso(sevenTomorrowUk(winterEvening))).toBe("2027-01-01T07:00:00.000Z");
    expect(iso(endOfTodayUk(winterEvening))).toBe("2026-12-31T23:59:00.000Z");
    // 23:30 UTC on 30 June is already 1 July in the UK.
    const summerNight = Date.parse("2026-06-30T23:30:00Z");
    expect(iso(sevenTomorrowUk(summerNight))).toBe("2026-07-02T06:00:00.000Z");
    expect(iso(endOfTodayUk(summerNight))).toBe("2026-07-01T22:59:00.000Z");
  });

  it("crosses the clocks going back and forward", () => {
    // Clocks go back at 02:00 BST on Sunday 25 October 2026: 07:00 that morning is GMT.
    expect(iso(sevenTomorrowUk(Date.parse("2026-10-24T18:00:00Z")))).toBe("2026-10-25T07:00:00.000Z");
    // Clocks go forward at 01:00 GMT on Sunday 29 March 2026: 07:00 that morning is BST.
    expect(iso(sevenTomorrowUk(Date.parse("2026-03-28T18:00:00Z")))).toBe("2026-03-29T06:00:00.000Z");
  });

  it("maps presets to instants", () => {
    const now = Date.parse("2026-12-01T05:30:00Z");
    expect(untilForPreset("further-notice", now)).toBeNull();
    expect(iso(untilForPreset("seven-tomorrow", now)!)).toBe("2026-12-02T07:00:00.000Z");
    expect(iso(untilForPreset("end-of-today", now)!)).toBe("2026-12-01T23:59:00.000Z");
  });

  it("round-trips datetime-local values as UK time", () => {
    expect(iso(parseUkDateTimeInput("2026-07-02T07:00")!)).toBe("2026-07-02T06:00:00.000Z");
    expect(toUkDateTimeInput(Date.parse("2026-07-02T06:00:00Z"))).toBe("2026-07-02T07:00");
    expect(toUkDateTimeInput(Date.parse("2026-12-02T07:05:00Z"))).toBe("2026-12-02T07:05");
    expect(parseUkDateTimeInput("tomorrow")).toBeNull();
    expect(parseUkDateTimeInput("2026-13-02T07:00")).toBeNull();
  });
});

describe("UK wall time without Intl", () => {
  const intl = new Intl.DateTimeFormat("en-GB", {
    timeZone: "Europe/London",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hourCycle: "h23",
  });
  const byIntl = (ms: number) => {
    const parts = Object.fromEntries(intl.formatToParts(ms).map((p) => [p.type, Number(p.value)]));
    return { year: parts.year, month: parts.month, day: parts.day, hour: parts.hour, minute: parts.minute, second: parts.second };
  };

  it("agrees with the time-zone database every 13 hours from 2000 to 2040", () => {
    const end = Date.parse("2040-12-31T00:00:00Z");
    for (let ms = Date.parse("2000-01-01T00:00:00Z"); ms < end; ms += 13 * 3_600_000 + 7_000) {
      expect(ukWallTime(ms), new Date(ms).toISOString()).toEqual(byIntl(ms));
    }
  });

  it("agrees with it a second either side of every clock change from 2000 to 2040", () => {
    for (let year = 2000; year <= 2040; year++) {
      for (const month of [2, 9]) {
        // The last Sunday of March or October, at 01:00 UTC.
        const lastDay = new Date(Date.UTC(year, month + 1, 0));
        const change = Date.UTC(year, month, lastDay.getUTCDate() - lastDay.getUTCDay(), 1);
        for (const ms of [change - 1000, change, change + 1000]) {
          expect(ukWallTime(ms), new Date(ms).toISOString()).toEqual(byIntl(ms));
        }
      }
    }
  });
});
