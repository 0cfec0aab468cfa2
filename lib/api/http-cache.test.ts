import { describe, expect, it } from "vitest";
import { httpDate, isNotModified } from "./http-cache";

const validators = { etag: '"42-abc-5"', lastModified: Date.parse("2026-12-01T06:00:00.500Z") };

describe("conditional GET", () => {
  it("matches entity tags weakly, in lists and with *", () => {
    expect(isNotModified({ ifNoneMatch: '"42-abc-5"' }, validators)).toBe(true);
    expect(isNotModified({ ifNoneMatch: 'W/"42-abc-5"' }, validators)).toBe(true);
    expect(isNotModified({ ifNoneMatch: '"old", "42-abc-5"' }, validators)).toBe(true);
    expect(isNotModified({ ifNoneMatch: "*" }, validators)).toBe(true);
    expect(isNotModified({ ifNoneMatch: '"43-abc-5"' }, validators)).toBe(false);
  });

  it("lets If-None-Match win over If-Modified-Since, and compares dates to the second", () => {
    const since = httpDate(validators.lastModified);
    expect(since).toBe("Tue, 01 Dec 2026 06:00:00 GMT");
    expect(isNotModified({ ifModifiedSince: since }, validators)).toBe(true);
    expect(isNotModified({ ifModifiedSince: "Tue, 01 Dec 2026 05:59:59 GMT" }, validators)).toBe(false);
    expect(isNotModified({ ifNoneMatch: '"other"', ifModifiedSince: since }, validators)).toBe(false);
    expect(isNotModified({ ifModifiedSince: "not a date" }, validators)).toBe(false);
    expect(isNotModified({ ifModifiedSince: since }, { ...validators, lastModified: null })).toBe(false);
  });
});
