import { afterEach, describe, expect, it, vi } from "vitest";
import type { Change, ChangeBatch } from "../domain/change";
import { publicChange } from "../../test/support/fixtures";

const change = (seq: number) => publicChange(seq);
import { OrderedFanout, type FanoutMessage } from "./ordered-fanout";

function batch(fromSeq: number, toSeq: number): ChangeBatch {
  const changes = [];
  for (let s = fromSeq; s <= toSeq; s++) changes.push(change(s));
  return { fromSeq, toSeq, changes };
}

function setup(startSeq: number, stored: Change[] = []) {
  const emitted: FanoutMessage[] = [];
  const fetchRange = vi.fn(async (from: number, to: number) => stored.filter((c) => c.seq >= from && c.seq <= to));
  const fanout = new OrderedFanout({
    startSeq,
    fetchRange,
    headSeq: async () => (stored.length ? stored[stored.length - 1]!.seq : startSeq),
    emit: (m) => emitted.push(m),
    coalesceMs: 10,
    gapWaitMs: 50,
  });
  return { fanout, emitted, fetchRange };
}

describe("OrderedFanout", () => {
  afterEach(() => vi.useRealTimers());

  it("coalesces batches that arrive together into one message", () => {
    vi.useFakeTimers();
    const { fanout, emitted } = setup(0);
    fanout.receive(batch(1, 2));
    fanout.receive(batch(3, 3));
    expect(emitted).toEqual([]);
    vi.advanceTimersByTime(10);
    expect(emitted).toHaveLength(1);
    expect(emitted[0]).toMatchObject({ since: 0, seq: 3 });
    expect(emitted[0]!.changes.map((c) => c.seq)).toEqual([1, 2, 3]);
    expect(fanout.seq).toBe(3);
  });

  it("reorders batches that the bus delivered out of order", () => {
    vi.useFakeTimers();
    const { fanout, emitted, fetchRange } = setup(10);
    fanout.receive(batch(13, 14));
    fanout.receive(batch(11, 12));
    vi.advanceTimersByTime(10);
    expect(emitted.flatMap((m) => m.changes.map((c) => c.seq))).toEqual([11, 12, 13, 14]);
    expect(fetchRange).not.toHaveBeenCalled();
  });

  it("drops duplicates and batches older than what it has delivered", () => {
    vi.useFakeTimers();
    const { fanout, emitted } = setup(5);
    fanout.receive(batch(4, 5));
    fanout.receive(batch(6, 6));
    fanout.receive(batch(6, 6));
    vi.advanceTimersByTime(10);
    expect(emitted.flatMap((m) => m.changes.map((c) => c.seq))).toEqual([6]);
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
