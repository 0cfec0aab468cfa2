import { describe, expect, it } from "vitest";
import { announceChanges, type AnnouncedChange } from "./announcements";

const change = (assetId: string, label: string, message = ""): AnnouncedChange => ({ assetId, status: { label, message } });
const names: Record<string, string> = { a: "Oak Primary", b: "Route 1", c: "Elm High", d: "Round 4", e: "Ash Infants" };
const context = (starred: string[], visible: string[]) => ({
  starred: new Set(starred),
  visible: new Set(visible),
  nameOf: (id: string) => names[id],
});

describe("announcing live changes", () => {
  it("says nothing about places that are neither starred nor on screen", () => {
    expect(announceChanges([change("a", "Closed")], context([], ["b"]))).toBeNull();
  });

  it("puts starred places first, with the officer's message", () => {
    expect(announceChanges([change("b", "Gritted"), change("a", "Closed", "Snow on site.")], context(["a"], ["b"]))).toBe(
      "Updated: Your place Oak Primary is now Closed. Snow on site. Route 1: Gritted.",
    );
  });

  it("names at most three places and counts the rest", () => {
    const batch = ["a", "b", "c", "d", "e"].map((id) => change(id, "Closed"));
    expect(announceChanges(batch, context([], ["a", "b", "c", "d", "e"]))).toBe(
      "Updated: Oak Primary: Closed. Route 1: Closed. Elm High: Closed. 2 more places have changed.",
    );
  });

  it("reads only the latest change of a place changed twice in one batch", () => {
    expect(announceChanges([change("a", "Closed"), change("a", "Open")], context([], ["a"]))).toBe("Updated: Oak Primary: Open.");
  });
});
