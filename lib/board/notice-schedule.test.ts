import { describe, expect, it } from "vitest";
import { isNoticeShowing, type PublicNotice } from "../domain/notices";
import { nextNoticeChange, noticesShowing } from "./notice-schedule";

const T = Date.parse("2026-12-01T06:00:00Z");
const iso = (ms: number) => new Date(ms).toISOString();
const notice = (id: string, level: PublicNotice["level"], from: number | null, until: number | null, created = T - 1000): PublicNotice => ({
  id, level, text: id, from: from === null ? null : iso(from), until: until === null ? null : iso(until), createdAt: iso(created),
});

const notices = [
  notice("info-now", "info", null, null),
  notice("severe-later", "severe", T + 60_000, null),
  notice("warning-ending", "warning", T - 60_000, T + 30_000),
  notice("ended", "severe", null, T),
];

describe("which notices show, and when that changes", () => {
  it("shows current notices only, most severe first, agreeing with the domain rule", () => {
    expect(noticesShowing(notices, T).map((n) => n.id)).toEqual(["warning-ending", "info-now"]);
    expect(noticesShowing(notices, T + 60_000).map((n) => n.id)).toEqual(["severe-later", "info-now"]);
    for (const at of [T, T + 30_000, T + 60_000]) {
      expect(noticesShowing(notices, at).map((n) => n.id).sort()).toEqual(notices.filter((n) => isNoticeShowing(n, at)).map((n) => n.id).sort());
    }
  });

  it("knows the next time a notice starts or ends", () => {
    expect(nextNoticeChange(notices, T)).toBe(T + 30_000);
    expect(nextNoticeChange(notices, T + 30_000)).toBe(T + 60_000);
    expect(nextNoticeChange(notices, T + 60_000)).toBeNull();
  });
});
