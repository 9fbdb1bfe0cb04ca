import { describe, expect, it } from "vitest";
import { fuseScores } from "../../../src/core/index/hybrid";

describe("fuseScores: the word score", () => {
  it("puts a note with every query word above one with a strong title match of half of them", () => {
    // "sourdough starter feeding": A has "sourdough" in its title (BM25 10, half the query by rarity),
    // B has all three words in its body (BM25 3).
    const fused = fuseScores(
      [
        { key: "A: Sourdough", text: { path: "A", score: 10, coverage: 0.5, piece: 0 }, textRank: 1 },
        { key: "B: Feeding a starter", text: { path: "B", score: 3, coverage: 1, piece: 0 }, textRank: 2 },
      ],
      false,
    );
    expect(fused.map((f) => f.key)).toEqual(["B: Feeding a starter", "A: Sourdough"]);
    expect(fused[0]!.words).toBeCloseTo(0.3, 6);
    expect(fused[1]!.words).toBeCloseTo(0.25, 6);
  });

  it("gives 1 to the best match with every query word, and keeps a lone title match first when nothing has more words", () => {
    const fused = fuseScores(
      [
        { key: "title", text: { path: "t", score: 8, coverage: 1, piece: 0 }, textRank: 1 },
        { key: "body", text: { path: "b", score: 2, coverage: 1, piece: 0 }, textRank: 2 },
      ],
      false,
    );
    expect(fused.map((f) => [f.key, f.words])).toEqual([
      ["title", 1],
      ["body", 0.25],
    ]);
  });
});
