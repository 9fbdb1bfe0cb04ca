import { describe, expect, it } from "vitest";
import { hitAt, meanMetrics, metricsOf, ndcgAt, recallAt, reciprocalRank } from "./metrics";

const judged = { relevant: ["a"], partial: ["b"] };

describe("retrieval metrics", () => {
  it("nDCG is 1 for the ideal order and lower when the relevant note comes second", () => {
    expect(ndcgAt(["a", "b", "x"], judged, 5)).toBeCloseTo(1);
    // DCG of [b, a] = 1/log2(2) + 3/log2(3); ideal = 3 + 1/log2(3).
    expect(ndcgAt(["b", "a"], judged, 5)).toBeCloseTo((1 + 3 / Math.log2(3)) / (3 + 1 / Math.log2(3)));
    expect(ndcgAt(["x", "y"], judged, 5)).toBe(0);
  });

  it("MRR, Hit@k and Recall@k count only relevant notes, not partial ones", () => {
    expect(reciprocalRank(["b", "x", "a"], judged)).toBeCloseTo(1 / 3);
    expect(hitAt(["b", "x", "a"], judged, 1)).toBe(0);
    expect(hitAt(["b", "x", "a"], judged, 3)).toBe(1);
    expect(recallAt(["a", "c"], { relevant: ["a", "c", "d", "e"], partial: [] }, 10)).toBe(0.5);
  });

  it("averages each metric over queries", () => {
    const mean = meanMetrics([metricsOf(["a"], judged), metricsOf(["x"], judged)]);
    expect(mean.MRR).toBe(0.5);
    expect(mean["Hit@1"]).toBe(0.5);
  });
});
