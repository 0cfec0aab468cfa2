import { describe, expect, it } from "vitest";
import { ManualClock } from "../domain/clock";
import { KeyedTokenBuckets, TokenBucket } from "./token-bucket";

describe("TokenBucket", () => {
  it("allows a burst, then refills at its rate as the clock moves", () => {
    const clock = new ManualClock(0);
    const bucket = new TokenBucket({ burst: 3, perSecond: 2 }, clock);
    expect([bucket.take(), bucket.take(), bucket.take(), bucket.take()]).toEqual([true, true, true, false]);
    clock.advance(499);
    expect(bucket.take()).toBe(false);
    clock.advance(1);
    expect(bucket.take()).toBe(true);
    expect(bucket.take()).toBe(false);
    clock.advance(60_000);
    expect(bucket.isFull()).toBe(true);
    expect(bucket.take(4)).toBe(false);
  });

  it("keeps one bucket per key and sweeps only the full ones", () => {
    const clock = new ManualClock(0);
    const buckets = new KeyedTokenBuckets({ burst: 1, perSecond: 1 }, clock);
    expect(buckets.take("a")).toBe(true);
    expect(buckets.take("a")).toBe(false);
    expect(buckets.take("b")).toBe(true);
    clock.advance(500);
    buckets.sweep();
    expect(buckets.size).toBe(2);
    clock.advance(500);
    buckets.sweep();
    expect(buckets.size).toBe(0);
    expect(buckets.take("a")).toBe(true);
  });
});
