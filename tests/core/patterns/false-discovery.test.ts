import { describe, expect, it } from "vitest";
import { benjaminiHochberg } from "../../../src/core/patterns/false-discovery";

describe("Benjamini–Hochberg q-values", () => {
  it("matches the step-up values computed by hand", () => {
    // m = 5: p·m/rank = 0.005, 0.025, 0.05, 0.0625, 0.5; then the running minimum from the top.
    expect(benjaminiHochberg([0.001, 0.01, 0.03, 0.05, 0.5], 5).map((q) => Math.round(q * 10000) / 10000)).toEqual([0.005, 0.025, 0.05, 0.0625, 0.5]);
    // Out of order, with a smaller p ranked after a larger one's q.
    expect(benjaminiHochberg([0.04, 0.01, 0.039], 3).map((q) => Math.round(q * 1000) / 1000)).toEqual([0.04, 0.03, 0.04]);
  });

  it("counts hypotheses tested but not kept, which only raises the q-values", () => {
    const kept = benjaminiHochberg([0.001, 0.002], 2);
    const amongMany = benjaminiHochberg([0.001, 0.002], 100);
    expect(amongMany[0]).toBeCloseTo(0.1, 10);
    expect(amongMany[1]).toBeCloseTo(0.1, 10);
    expect(amongMany[0]).toBeGreaterThan(kept[0]!);
  });

  it("lets several real effects among many questions through where Bonferroni would not", () => {
    const p = [0.0004, 0.0006, 0.0008, 0.001, ...Array.from({ length: 96 }, (_, i) => 0.05 + i * 0.0098)];
    const q = benjaminiHochberg(p, 100);
    expect(q.slice(0, 4).every((value) => value <= 0.025)).toBe(true);
    // Bonferroni: 0.001 · 100 = 0.1, not significant at 0.05.
    expect(p[3]! * 100).toBeGreaterThan(0.05);
  });

  it("is never below p and never above 1", () => {
    const p = [0.2, 0.9, 0.0001, 1];
    const q = benjaminiHochberg(p, 10);
    q.forEach((value, i) => {
      expect(value).toBeGreaterThanOrEqual(p[i]!);
      expect(value).toBeLessThanOrEqual(1);
    });
  });
});
