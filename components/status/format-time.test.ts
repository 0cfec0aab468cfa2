import { describe, expect, it } from "vitest";
import { formatDateTime, formatTime } from "./format-time";

describe("formatting times for residents", () => {
  const time = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", timeZone: "Europe/London" });
  const dateTime = new Intl.DateTimeFormat("en-GB", { weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", timeZone: "Europe/London" });

  it("reads as en-GB in UK time, through winter, summer and both clock changes", () => {
    expect(formatDateTime("2026-12-01T06:45:00Z")).toBe("Tue 1 Dec, 06:45");
    expect(formatDateTime(new Date("2026-06-30T23:05:00Z"))).toBe("Wed 1 Jul, 00:05");
    expect(formatTime("2026-10-25T00:59:00Z")).toBe("01:59");
    expect(formatTime("2026-10-25T01:00:00Z")).toBe("01:00");
    for (let ms = Date.parse("2025-01-01T00:00:00Z"); ms < Date.parse("2028-01-01T00:00:00Z"); ms += 5 * 3_600_000 + 60_000) {
      expect(formatTime(new Date(ms))).toBe(time.format(ms));
      expect(formatDateTime(new Date(ms).toISOString())).toBe(dateTime.format(ms));
    }
  });
});
