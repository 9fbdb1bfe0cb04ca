import { describe, expect, it } from "vitest";
import { snippetOf } from "../../../src/core/index/snippets";

// A stand-in for the index's normaliser: lower case, a plural "s" dropped, "the" a stop word.
const tokenOf = (word: string): string => (word.toLowerCase() === "the" ? "" : word.toLowerCase().replace(/s$/, ""));
const marked = (s: { text: string; highlights: [number, number][] }): string[] => s.highlights.map(([a, b]) => s.text.slice(a, b));

describe("snippets", () => {
  it("shows the passage with the most query words, marking each occurrence", () => {
    const filler = "Unrelated words about the weather and the garden. ".repeat(8);
    const text = `${filler}Here the cache warm-up races the runner, and the runners fail.${filler}`;
    const snippet = snippetOf(text, new Set(["cache", "runner"]), tokenOf, 120)!;
    expect(snippet.text).toMatch(/^….*cache warm-up races the runner, and the runners fail.*…$/);
    expect(snippet.text.length).toBeLessThanOrEqual(122);
    expect(marked(snippet)).toEqual(["cache", "runner", "runners"]);
  });

  it("without a query word in the note, shows its beginning; an empty note has none", () => {
    expect(snippetOf("Short note.\n\nSecond line.", new Set(["zebra"]), tokenOf)).toEqual({ text: "Short note. Second line.", highlights: [] });
    expect(snippetOf("   ", new Set(["zebra"]), tokenOf)).toBeNull();
  });

  it("matches words that start with a query token, as the index does", () => {
    expect(marked(snippetOf("Catalyst licence holders get early access.", new Set(["catal"]), tokenOf)!)).toEqual(["Catalyst"]);
  });

  it("marks Chinese query words inside a sentence written without spaces, once each", () => {
    // The index reads Chinese as overlapping character pairs: 特征值 is 特征 and 征值.
    const snippet = snippetOf("我们用特征值分解矩阵，特征值很重要。", new Set(["特征", "征值"]), tokenOf)!;
    expect(marked(snippet)).toEqual(["特征值", "特征值"]);
  });
});

describe("snippets: words that start with an accented letter", () => {
  it("still finds them (only words starting with a plain letter no query token starts with are skipped)", () => {
    const folding = (word: string): string => word.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
    expect(marked(snippetOf("Une École ici, and an ecole there; nothing else.", new Set(["ecole"]), folding)!)).toEqual(["École", "ecole"]);
  });
});
