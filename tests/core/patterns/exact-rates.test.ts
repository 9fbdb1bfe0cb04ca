import { describe, expect, it } from "vitest";
import { fisherExact, fisherUpperTail, hypergeometric, shrunkRate } from "../../../src/core/patterns/exact-rates";

describe("exact tests for success rates", () => {
  it("gives hypergeometric probabilities that sum to one and match a hand count", () => {
    // 2 of 4 drawn from 10 holding 5: C(5,2)·C(5,2)/C(10,4) = 100/210.
    expect(hypergeometric(2, 10, 5, 4)).toBeCloseTo(100 / 210, 10);
    const total = [0, 1, 2, 3, 4].reduce((sum, k) => sum + hypergeometric(k, 10, 5, 4), 0);
    expect(total).toBeCloseTo(1, 10);
    expect(hypergeometric(5, 10, 5, 4)).toBe(0);
  });

  it("matches Fisher's exact test on known tables", () => {
    // The lady tasting tea: 3 of 4 against 1 of 4.
    expect(fisherExact(3, 4, 1, 4)).toBeCloseTo(0.4857143, 6);
    // A skill that worked in 9 of 10 attempts against one that worked in 2 of 10.
    expect(fisherExact(9, 10, 2, 10)).toBeCloseTo(0.0054775, 6);
    expect(fisherExact(8, 10, 12, 30)).toBeCloseTo(0.0648332, 6);
    expect(fisherExact(5, 10, 5, 10)).toBeCloseTo(1, 10);
  });

  it("gives the one-sided tail: this many or more in the first group", () => {
    // (C(4,3)·C(4,1) + C(4,4)·C(4,0)) / C(8,4) = 17/70.
    expect(fisherUpperTail(3, 4, 1, 4)).toBeCloseTo(17 / 70, 10);
    expect(fisherUpperTail(0, 4, 1, 4)).toBeCloseTo(1, 10);
    // A word in 3 of 29 blockers and never elsewhere is far less telling than a fixed baseline of ~0 would say.
    expect(fisherUpperTail(3, 29, 0, 200)).toBeGreaterThan(1e-3);
  });

  it("is symmetric in its groups and in success against failure", () => {
    expect(fisherExact(2, 10, 20, 30)).toBeCloseTo(fisherExact(20, 30, 2, 10), 10);
    expect(fisherExact(2, 10, 20, 30)).toBeCloseTo(fisherExact(8, 10, 10, 30), 10);
  });

  it("shrinks a rate toward the person's baseline, less the more attempts there are", () => {
    const few = shrunkRate(3, 3, 0.4);
    const many = shrunkRate(30, 30, 0.4);
    expect(few.rate).toBeCloseTo((3 + 1.6) / 7, 10);
    expect(few.rate).toBeLessThan(0.7);
    expect(many.rate).toBeGreaterThan(0.9);
    expect(many.variance).toBeLessThan(few.variance);
    // At the baseline nothing moves.
    expect(shrunkRate(4, 10, 0.4).rate).toBeCloseTo(0.4, 10);
  });
});
