import { describe, expect, it } from "vitest";
import { contentWords, topTerms } from "../../../src/core/index/terms";
import { seededRandom } from "../../support/seeded-random";

/** The plain definition: every distinct word sorted by count, then alphabetically. */
function sortedTerms(text: string, limit: number): string[] {
  const counts = new Map<string, number>();
  for (const word of contentWords(text)) counts.set(word, (counts.get(word) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, limit)
    .map(([word]) => word);
}

describe("a note's telling terms", () => {
  it("keeps content words only: no stop words, numbers, one-letter words or trailing marks", () => {
    expect(contentWords("The API's 2024 roll-out_ of x-ray and 3D: don't 42 it's")).toEqual(["api's", "roll-out", "x-ray", "3d", "it's"]);
  });

  it("lists the most frequent words first, ties in alphabetical order", () => {
    expect(topTerms("beta alpha gamma beta gamma delta beta", 3)).toEqual(["beta", "gamma", "alpha"]);
    expect(topTerms("one word", 0)).toEqual([]);
  });

  it("picks the same terms as sorting every word, on texts of many repeated words", () => {
    const random = seededRandom(3);
    const vocabulary = Array.from({ length: 300 }, (_, i) => `w${i.toString(36)}x`);
    for (let round = 0; round < 50; round++) {
      const text = Array.from({ length: 20 + Math.floor(random() * 400) }, () => vocabulary[Math.floor(random() ** 2 * vocabulary.length)]).join(" ");
      expect(topTerms(text, 12)).toEqual(sortedTerms(text, 12));
    }
  });
});
