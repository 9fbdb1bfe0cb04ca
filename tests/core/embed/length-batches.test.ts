import { describe, expect, test } from "vitest";
import { lengthBatches } from "../../../src/core/embed/length-batches";

describe("lengthBatches", () => {
  test("keeps texts of about one length together, shortest first, at most the batch size", () => {
    const lengths = [40, 42, 41, 44, 43];
    expect(lengthBatches(lengths, 2)).toEqual([[0, 2], [1, 4], [3]]);
    expect(lengthBatches(lengths, 32)).toEqual([[0, 2, 1, 4, 3]]);
  });

  test("gives a long text its own batch instead of padding the short ones to its length", () => {
    const lengths = [60, 1200, 50, 70, 1100];
    expect(lengthBatches(lengths, 32)).toEqual([
      [2, 0, 3],
      [4, 1],
    ]);
  });

  test("puts every text in exactly one batch", () => {
    const lengths = Array.from({ length: 100 }, (_, i) => (i * 37) % 900);
    const batches = lengthBatches(lengths, 16);
    expect(batches.flat().sort((a, b) => a - b)).toEqual(lengths.map((_, i) => i));
    for (const batch of batches) {
      expect(batch.length).toBeLessThanOrEqual(16);
      const inBatch = batch.map((i) => lengths[i]!);
      expect(Math.max(...inBatch)).toBeLessThanOrEqual(Math.min(...inBatch) * 1.5 + 24);
    }
  });

  test("returns no batches for no texts", () => {
    expect(lengthBatches([], 32)).toEqual([]);
  });
});
