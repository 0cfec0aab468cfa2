import { describe, expect, it } from "vitest";
import { createRandom, splitByShares } from "./random";

const draw = (seed: number | string, count = 20) => {
  const random = createRandom(seed);
  return Array.from({ length: count }, () => random.next());
};

describe("createRandom", () => {
  it("gives the same sequence for the same seed, numeric or string", () => {
    expect(draw(42)).toEqual(draw(42));
    expect(draw("trafford")).toEqual(draw("trafford"));
  });

  it("gives different sequences for different seeds", () => {
    expect(draw(1)).not.toEqual(draw(2));
    expect(draw("a")).not.toEqual(draw("b"));
  });

  it("stays in [0, 1) and spreads over the range", () => {
    const values = draw(7, 10_000);
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
    const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
    expect(mean).toBeGreaterThan(0.48);
    expect(mean).toBeLessThan(0.52);
  });

  it("int includes both ends and nothing outside them", () => {
    const random = createRandom(3);
    const seen = new Set(Array.from({ length: 2_000 }, () => random.int(5, 8)));
    expect([...seen].sort()).toEqual([5, 6, 7, 8]);
  });

  it("shuffle returns a permutation and leaves its input alone", () => {
    const items = Array.from({ length: 50 }, (_, index) => index);
    const shuffled = createRandom(9).shuffle(items);
    expect(shuffled).not.toEqual(items);
    expect([...shuffled].sort((a, b) => a - b)).toEqual(items);
    expect(items[0]).toBe(0);
  });

  it("forks are deterministic and independent of draws made on the parent after forking", () => {
    const first = createRandom(5);
    const second = createRandom(5);
    const forkA = first.fork("schools");
    second.next();
    const forkB = second.fork("schools");
    expect(Array.from({ length: 5 }, forkA.next)).toEqual(Array.from({ length: 5 }, forkB.next));
    expect(createRandom(5).fork("schools").next()).not.toBe(createRandom(5).fork("bins").next());
  });

  it("refuses to pick from an empty list", () => {
    expect(() => createRandom(1).pick([])).toThrow(RangeError);
  });
});

describe("splitByShares", () => {
  it("always hands out exactly the count asked for, in share order", () => {
    for (const count of [0, 1, 2, 7, 60, 2_000]) {
      const split = splitByShares(count, [["a", 0.65], ["b", 0.17], ["c", 0.18]]);
      expect(split).toHaveLength(count);
      expect(split.join("")).toMatch(/^a*b*c*$/);
    }
  });

  it("follows the shares", () => {
    const split = splitByShares(100, [[1, 0.3], [2, 0.4], [3, 0.3]]);
    expect(split.filter((value) => value === 2)).toHaveLength(40);
  });
});
