import { describe, expect, it } from "vitest";
import { untilForPreset } from "./time-presets";
import { endOfTodayUk, fromUkWallTime, parseUkDateTimeInput, sevenTomorrowUk, toUkDateTimeInput } from "./uk-time";

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
