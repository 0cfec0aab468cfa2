import { describe, expect, it } from "vitest";
import type { Change } from "../domain/change";
import { closedStatus, publicChange } from "../../test/support/fixtures";
import { draftSocialPost, SOCIAL_POST_MAX_LENGTH } from "./draft-social-post";

const status = closedStatus;
const change = (over: Partial<Change> = {}): Change => publicChange(7, { assetId: "school-001", ...over });
const BASE = "https://snow.example.gov.uk";

describe("draftSocialPost", () => {
  it("says the school, the status, today, the message and links to the asset page", () => {
    const post = draftSocialPost(
      change({ status: status({ message: "Closed due to snow.", until: "2026-12-01T23:59:00.000Z" }) }),
      { name: "St Anne's Primary" },
      BASE,
    );
    expect(post).toBe("St Anne's Primary: Closed today. Closed due to snow. https://snow.example.gov.uk/assets/school-001");
  });

  it("names the end time when the status lasts beyond today, in UK time", () => {
    const post = draftSocialPost(change({ status: status({ until: "2026-12-02T09:00:00.000Z" }) }), { name: "Ashdown" }, BASE);
    expect(post).toBe("Ashdown: Closed until Wed 2 Dec, 09:00. https://snow.example.gov.uk/assets/school-001");
  });

  it("keeps officer text as plain text on one line, markup and all", () => {
    const post = draftSocialPost(change({ status: status({ message: `<script>&"'\n\nsecond   line` }) }), { name: "A" }, BASE);
    expect(post).toContain(`<script>&"' second line`);
    expect(post).not.toMatch(/&amp;|&lt;|\n/);
  });

  it("shortens a long message, never the link, to at most 280 characters", () => {
    const post = draftSocialPost(change({ status: status({ message: "Snow ".repeat(200) }) }), { name: "Brookfield High" }, BASE);
    expect([...post].length).toBeLessThanOrEqual(SOCIAL_POST_MAX_LENGTH);
    expect(post.endsWith(" https://snow.example.gov.uk/assets/school-001")).toBe(true);
    expect(post).toContain("… https://");
  });

  it("shortens an absurdly long name too, and counts emoji as one character each", () => {
    const post = draftSocialPost(change({ status: status({ message: "❄".repeat(300) }) }), { name: "N".repeat(400) }, BASE);
    expect([...post].length).toBeLessThanOrEqual(SOCIAL_POST_MAX_LENGTH);
    expect(post).toContain("https://snow.example.gov.uk/assets/school-001");
  });

  it("says a status that expired is back to normal", () => {
    const post = draftSocialPost(change({ kind: "expire", status: status({ code: "open", label: "Open", category: "ok" }) }), { name: "Cedar" }, BASE);
    expect(post).toBe("Cedar: Open again. https://snow.example.gov.uk/assets/school-001");
  });
});
