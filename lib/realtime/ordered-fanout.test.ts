import { describe, expect, it, vi } from "vitest";
import type { Change, ChangeBatch } from "../domain/change";
import { publicChange } from "../../test/support/fixtures";
import { OrderedFanout, type FanoutMessage } from "./ordered-fanout";

const change = (seq: number) => publicChange(seq);
const seqsOf = (messages: FanoutMessage[]) => messages.map((m) => m.changes.map((c) => c.seq));
/** Lets queued microtasks (the fan-out's flush) run. */
const microtasks = () => new Promise<void>((resolve) => queueMicrotask(resolve));

function batch(fromSeq: number, toSeq: number): ChangeBatch {
  const changes = [];
  for (let s = fromSeq; s <= toSeq; s++) changes.push(change(s));
  return { fromSeq, toSeq, changes };
}

/**
 * `endSend()` plays the part of the event loop serving I/O after a send: until it is called, the
 * send is in progress. No timer decides when a message goes out.
 */
function setup(startSeq: number, stored: Change[] = [], historyChanges?: number) {
  const emitted: FanoutMessage[] = [];
  const sendsInProgress: (() => void)[] = [];
  const fetchRange = vi.fn(async (from: number, to: number) => stored.filter((c) => c.seq >= from && c.seq <= to));
  const fanout = new OrderedFanout({
    startSeq,
    fetchRange,
    headSeq: async () => (stored.length ? stored[stored.length - 1]!.seq : startSeq),
    emit: (m) => emitted.push(m),
    afterSend: (flush) => sendsInProgress.push(flush),
    historyChanges,
    gapWaitMs: 50,
  });
  const endSend = async () => {
    sendsInProgress.splice(0).forEach((flush) => flush());
    await microtasks();
  };
  return { fanout, emitted, fetchRange, endSend, sendsInProgress };
}

describe("OrderedFanout", () => {
  it("sends the first batch at once when idle, without waiting for any timer", async () => {
    vi.useFakeTimers();
    try {
      const { fanout, emitted } = setup(0);
      fanout.receive(batch(1, 2));
      await microtasks();
      expect(emitted).toEqual([expect.objectContaining({ since: 0, seq: 2 })]);
      expect(fanout.seq).toBe(2);
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });

  it("sends batches arriving during a send together, in order, once the send is done", async () => {
    const { fanout, emitted, endSend } = setup(0);
    fanout.receive(batch(1, 1));
    await microtasks();
    fanout.receive(batch(2, 3));
    fanout.receive(batch(4, 4));
    await microtasks();
    expect(seqsOf(emitted)).toEqual([[1]]);
    await endSend();
    expect(seqsOf(emitted)).toEqual([[1], [2, 3, 4]]);
    expect(emitted.map((m) => [m.since, m.seq])).toEqual([[0, 1], [1, 4]]);
    // Nothing new arrived during the second send: the fan-out is idle again and sends at once.
    await endSend();
    fanout.receive(batch(5, 5));
    await microtasks();
    expect(emitted.map((m) => [m.since, m.seq])).toEqual([[0, 1], [1, 4], [4, 5]]);
  });

  it("sends the batches one drain accepts as one message", async () => {
    const { fanout, emitted, fetchRange } = setup(10);
    fanout.receive(batch(13, 14));
    fanout.receive(batch(11, 12));
    await microtasks();
    expect(seqsOf(emitted)).toEqual([[11, 12, 13, 14]]);
    expect(fetchRange).not.toHaveBeenCalled();
  });

  it("reorders batches that the bus delivered out of order while a send was in progress", async () => {
    const { fanout, emitted, endSend } = setup(10);
    fanout.receive(batch(11, 11));
    await microtasks();
    fanout.receive(batch(14, 15));
    fanout.receive(batch(12, 13));
    await endSend();
    expect(seqsOf(emitted)).toEqual([[11], [12, 13, 14, 15]]);
  });

  it("drops duplicates and batches older than what it has delivered", async () => {
    const { fanout, emitted, endSend } = setup(5);
    fanout.receive(batch(4, 5));
    fanout.receive(batch(6, 6));
    fanout.receive(batch(6, 6));
    await microtasks();
    await endSend();
    expect(emitted.flatMap((m) => m.changes.map((c) => c.seq))).toEqual([6]);
  });

  it("answers resumes from the latest messages it sent, and refers older or unknown seqs to the store", async () => {
    const { fanout, endSend } = setup(10, [], 3);
    expect(fanout.recentSince(10)).toEqual({ seq: 10, changes: [] });
    fanout.receive(batch(11, 12));
    await microtasks();
    await endSend();
    fanout.receive(batch(13, 13));
    await microtasks();
    expect(fanout.recentSince(11)).toEqual({ seq: 13, changes: [change(12), change(13)] });
    expect(fanout.recentSince(10)!.changes.map((c) => c.seq)).toEqual([11, 12, 13]);
    expect(fanout.recentSince(14)).toBeNull();
    // Accepted but not yet sent: a resume answers up to what clients have been sent, never past it.
    fanout.receive(batch(14, 14));
    expect(fanout.recentSince(13)).toEqual({ seq: 13, changes: [] });
    await endSend();
    // Only the last three changes are held: seq 11's message was let go.
    expect(fanout.recentSince(10)).toBeNull();
    expect(fanout.recentSince(12)!.changes.map((c) => c.seq)).toEqual([13, 14]);
  });

  it("reads a batch that never arrived from the store", async () => {
    const stored = [1, 2, 3, 4].map(change);
    const { fanout, emitted, fetchRange } = setup(0, stored);
    fanout.receive(batch(3, 4));
    await vi.waitFor(() => expect(emitted.flatMap((m) => m.changes.map((c) => c.seq))).toEqual([1, 2, 3, 4]), { timeout: 10_000 });
    expect(fetchRange).toHaveBeenCalledWith(1, 2);
    expect(emitted.map((m) => [m.since, m.seq])).toEqual([[0, 4]]);
  });

  it("catches up from the store when a publish was lost and nothing else arrives", async () => {
    const stored = [1, 2].map(change);
    const { fanout, emitted } = setup(0, stored);
    await fanout.catchUp();
    await vi.waitFor(() => expect(emitted).toHaveLength(1), { timeout: 10_000 });
    expect(emitted[0]).toMatchObject({ since: 0, seq: 2 });
  });
});
