import { describe, expect, it } from "vitest";
import { boschlooExact, MAX_BOSCHLOO_TABLES } from "../../../src/core/patterns/boschloo";
import { fisherExact } from "../../../src/core/patterns/exact-rates";

/** Values from scipy.stats.boschloo_exact (two-sided) on the same tables. */
const SCIPY: [number, number, number, number, number][] = [
  [8, 10, 2, 10, 0.011817932128906262],
  [11, 12, 45, 110, 0.000694816839627892],
  [3, 10, 20, 25, 0.008271338422550789],
  [9, 10, 3, 10, 0.007955551147460955],
  [0, 10, 5, 10, 0.012779235839843762],
  [1, 12, 60, 110, 0.0018847021249370592],
];

describe("Boschloo's exact test of two success rates", () => {
  it.each(SCIPY)("matches scipy on %i of %i against %i of %i", (a, n1, b, n2, expected) => {
    expect(boschlooExact(a, n1, b, n2, fisherExact)).toBeCloseTo(expected, 6);
  });

  it("is never above Fisher's test, and clearly below it at ten attempts each", () => {
    for (const [a, n1, b, n2] of SCIPY) expect(boschlooExact(a, n1, b, n2, fisherExact)).toBeLessThanOrEqual(fisherExact(a, n1, b, n2) + 1e-12);
    expect(fisherExact(8, 10, 2, 10)).toBeGreaterThan(0.02);
    expect(boschlooExact(8, 10, 2, 10, fisherExact)).toBeLessThan(0.012);
  });

  it("is symmetric in the groups and in success against failure, and 1 for equal records", () => {
    expect(boschlooExact(2, 10, 8, 10, fisherExact)).toBeCloseTo(boschlooExact(8, 10, 2, 10, fisherExact), 10);
    expect(boschlooExact(3, 10, 20, 25, fisherExact)).toBeCloseTo(boschlooExact(7, 10, 5, 25, fisherExact), 10);
    expect(boschlooExact(5, 10, 5, 10, fisherExact)).toBeGreaterThan(0.9);
  });

  it("leaves large tables to Fisher's test", () => {
    const calls: number[][] = [];
    const fisher = (...args: number[]): number => (calls.push(args), 0.5);
    expect(boschlooExact(300, 500, 200, 500, fisher)).toBe(0.5);
    expect(calls).toEqual([[300, 500, 200, 500]]);
    expect(501 * 501).toBeGreaterThan(MAX_BOSCHLOO_TABLES);
  });
});
