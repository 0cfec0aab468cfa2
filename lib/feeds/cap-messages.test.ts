import { describe, expect, it } from "vitest";
import type { Change } from "../domain/change";
import { capMessagesFor, currentCapMessages } from "./cap-messages";

let seq = 0;
function change(category: "ok" | "disrupted" | "closed", at = "2026-12-01T06:00:00.000Z", assetId = "school-1"): Change {
  seq += 1;
  return {
    seq,
    assetId,
    layer: "schools",
    kind: "set",
    at,
    status: { code: category === "ok" ? "open" : "closed", label: "x", category, message: "", from: null, until: null, setAt: at, version: seq, upcoming: null },
  };
}

describe("CAP messages from an asset's change log", () => {
  it("starts a disruption with an Alert, follows it with Updates and ends it with a Cancel referencing every earlier message", () => {
    const log = [change("ok"), change("closed"), change("disrupted"), change("ok"), change("ok"), change("closed")];
    const messages = capMessagesFor(log);
    expect(messages.map((m) => [m.msgType, m.change.seq, m.references.map((r) => r.seq)])).toEqual([
      ["Alert", log[1]!.seq, []],
      ["Update", log[2]!.seq, [log[1]!.seq]],
      ["Cancel", log[3]!.seq, [log[1]!.seq, log[2]!.seq]],
      ["Alert", log[5]!.seq, []],
    ]);
  });

  it("offers the latest message of each ongoing disruption and recent Cancels, newest first", () => {
    const ongoing = [change("closed", "2026-12-01T06:00:00.000Z", "a"), change("disrupted", "2026-12-01T07:00:00.000Z", "a")];
    const oldCancel = [change("closed", "2026-11-29T06:00:00.000Z", "b"), change("ok", "2026-11-29T07:00:00.000Z", "b")];
    const recentCancel = [change("closed", "2026-12-01T05:00:00.000Z", "c"), change("ok", "2026-12-01T08:00:00.000Z", "c")];
    const current = currentCapMessages(new Map([["a", ongoing], ["b", oldCancel], ["c", recentCancel]]), Date.parse("2026-11-30T08:00:00Z"));
    expect(current.map((m) => [m.change.assetId, m.msgType])).toEqual([
      ["c", "Cancel"],
      ["a", "Update"],
    ]);
  });
});
