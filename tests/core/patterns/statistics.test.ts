import { describe, expect, it } from "vitest";
import { binomialLowerTail, binomialUpperTail, correlationTest, differenceTest } from "../../../src/core/patterns/statistics";
import { seededRandom } from "../../support/seeded-random";

const noise = (n: number, seed: number, shift = 0): number[] => {
  const random = seededRandom(seed);
  return Array.from({ length: n }, () => 5 + shift + (random() - 0.5) * 2);
};

describe("the engine's tests", () => {
  it("gives no test below six values a group: too little data is no pattern", async () => {
    expect(await differenceTest([1, 2, 3, 4, 5], [1, 2, 3, 4, 5, 6, 7], 1)).toBeNull();
    expect(correlationTest([1, 2, 3], [1, 2, 3])).toBeNull();
  });

  it("separates a clear difference from none, for small (permutation) and large (t) groups", async () => {
    for (const n of [10, 60]) {
      const clear = await differenceTest(noise(n, 1, 2), noise(n, 2), 7);
      expect(clear!.p).toBeLessThan(0.001);
      expect(clear!.effect).toBeGreaterThan(1.5);
      const none = await differenceTest(noise(n, 3), noise(n, 4), 7);
      expect(none!.p).toBeGreaterThan(0.01);
    }
  });

  it("gives the same p for the same data and seed (permutations are seeded)", async () => {
    const a = await differenceTest(noise(12, 5, 0.4), noise(12, 6), 99);
    const b = await differenceTest(noise(12, 5, 0.4), noise(12, 6), 99);
    expect(a).toEqual(b);
  });

  it("finds a correlation and its sign", () => {
    const x = noise(40, 8);
    const up = correlationTest(
      x,
      x.map((v, i) => v * 2 + noise(40, 9)[i]! * 0.1),
    )!;
    expect(up.effect).toBeGreaterThan(0.9);
    expect(up.p).toBeLessThan(1e-6);
    expect(correlationTest(x, noise(40, 10))!.p).toBeGreaterThan(0.01);
  });

  it("reads binomial tails that match the exact values", () => {
    // P(X ≥ 9 | 10, ½) = 11/1024; P(X ≤ 1 | 10, ½) the same by symmetry.
    expect(binomialUpperTail(9, 10, 0.5)).toBeCloseTo(11 / 1024, 6);
    expect(binomialLowerTail(1, 10, 0.5)).toBeCloseTo(11 / 1024, 6);
    expect(binomialUpperTail(0, 10, 0.3)).toBe(1);
  });
});
