import { describe, expect, it, vi } from "vitest";
import type { Change } from "../domain/change";
import { publicChange } from "../../test/support/fixtures";

const change = (seq: number) => publicChange(seq);
import { StatusSync } from "./status-sync";

function setup(initialSeq: number, server: { head: number; log: Change[]; resetBelow?: number }) {
  const applied: number[] = [];
  const requestResume = vi.fn(async (since: number) => {
    if (server.resetBelow !== undefined && since < server.resetBelow) return { seq: server.head, reset: true };
    return { seq: server.head, changes: server.log.filter((c) => c.seq > since) };
  });
  const refetch = vi.fn(async () => server.head);
  const sync = new StatusSync({ initialSeq, applyChanges: (cs) => applied.push(...cs.map((c) => c.seq)), requestResume, refetch });
  return { sync, applied, requestResume, refetch };
}

describe("StatusSync", () => {
  it("applies a live message that follows on from what it has", () => {
    const { sync, applied, requestResume } = setup(4, { head: 4, log: [] });
    sync.onChanges({ since: 4, seq: 6, changes: [change(5), change(6)] });
    expect(applied).toEqual([5, 6]);
    expect(sync.seq).toBe(6);
    expect(requestResume).not.toHaveBeenCalled();
  });

  it("ignores messages it already has and payloads that do not parse", () => {
    const onError = vi.fn();
    const applied: number[] = [];
    const sync = new StatusSync({ initialSeq: 6, applyChanges: (cs) => applied.push(...cs.map((c) => c.seq)), requestResume: vi.fn(), refetch: vi.fn(), onError });
    sync.onChanges({ since: 4, seq: 6, changes: [change(5), change(6)] });
    sync.onChanges({ since: "x" });
    expect(applied).toEqual([]);
    expect(onError).toHaveBeenCalledTimes(1);
  });

  it("resumes from its last seq when it sees a gap, and gets exactly what it missed", async () => {
    const log = [5, 6, 7, 8].map((s) => change(s));
    const { sync, applied, requestResume } = setup(4, { head: 8, log });
    sync.onChanges({ since: 6, seq: 8, changes: [change(7), change(8)] });
    await vi.waitFor(() => expect(applied).toEqual([5, 6, 7, 8]), { timeout: 10_000 });
    expect(requestResume).toHaveBeenCalledWith(4);
    expect(sync.seq).toBe(8);
  });

  it("resumes when a heartbeat shows it is behind", async () => {
    const { sync, applied } = setup(2, { head: 3, log: [change(3)] });
    sync.onHeartbeat({ seq: 2 });
    expect(applied).toEqual([]);
    sync.onHeartbeat({ seq: 3 });
    await vi.waitFor(() => expect(applied).toEqual([3]), { timeout: 10_000 });
  });

  it("reloads everything when the server says it is too far behind", async () => {
    const { sync, refetch, applied } = setup(1, { head: 900, log: [], resetBelow: 400 });
    await sync.onConnect();
    expect(refetch).toHaveBeenCalledTimes(1);
    expect(applied).toEqual([]);
    expect(sync.seq).toBe(900);
  });

  it("does not lose a message that arrives while a resume is in flight", async () => {
    const server = { head: 5, log: [4, 5].map((s) => change(s)) };
    const { sync, applied, requestResume } = setup(3, server);
    const resumed = sync.onConnect();
    // Committed after the resume read the store: the live message carries it.
    server.log.push(change(6));
    server.head = 6;
    sync.onChanges({ since: 5, seq: 6, changes: [change(6)] });
    await resumed;
    await vi.waitFor(() => expect(applied).toEqual([4, 5, 6]), { timeout: 10_000 });
    expect(requestResume).toHaveBeenCalledTimes(2);
  });
});
