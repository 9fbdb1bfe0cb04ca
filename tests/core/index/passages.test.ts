import { describe, expect, it } from "vitest";
import { estimateWordPieces, passageBudget, splitPassages } from "../../../src/core/index/passages";

const words = (text: string): string[] => text.split(/\s+/).filter((w) => w !== "");

describe("passages", () => {
  it("estimates word pieces on the high side: long words, punctuation and CJK characters count", () => {
    expect(estimateWordPieces("the cat sat")).toBe(3);
    expect(estimateWordPieces("internationalization")).toBeGreaterThanOrEqual(3);
    expect(estimateWordPieces("Hi, you!")).toBe(4);
    expect(estimateWordPieces("日本語")).toBe(3);
    expect(estimateWordPieces("abc日本")).toBe(3);
  });

  it("keeps paragraphs together when they fit, and cuts at paragraphs before sentences", () => {
    const paragraph = (topic: string) => Array.from({ length: 6 }, (_, i) => `The ${topic} point ${i} is here.`).join(" ");
    const text = [paragraph("first"), paragraph("second"), paragraph("third")].join("\n");
    const budget = estimateWordPieces(paragraph("second")) + 2;
    const passages = splitPassages([{ headingPath: [], text }], budget, 48);
    expect(passages.map((p) => p.text)).toEqual([paragraph("first"), paragraph("second"), paragraph("third")]);
  });

  it("cuts a paragraph longer than a passage at sentence ends, and a sentence longer than one between words", () => {
    const sentence = (i: number) => `Sentence ${i} has some words in it.`;
    const text = Array.from({ length: 30 }, (_, i) => sentence(i)).join(" ");
    const passages = splitPassages([{ headingPath: ["Notes"], text }], 40, 48);
    expect(passages.length).toBeGreaterThan(3);
    for (const p of passages) {
      expect(estimateWordPieces(p.text)).toBeLessThanOrEqual(40);
      expect(p.text.startsWith("Notes\nSentence")).toBe(true);
      expect(p.text.endsWith(".")).toBe(true);
    }
    const runOn = Array.from({ length: 200 }, (_, i) => `word${i}`).join(" ");
    const cut = splitPassages([{ headingPath: [], text: runOn }], 50, 48);
    expect(cut.flatMap((p) => words(p.text))).toEqual(words(runOn));
  });

  it("packs short sections into one passage keyed by the first heading, and stops at the limit", () => {
    const sections = [
      { headingPath: ["A"], text: "alpha text" },
      { headingPath: ["A", "B"], text: "beta text" },
      { headingPath: ["C"], text: "gamma text" },
    ];
    expect(splitPassages(sections, 100, 48)).toEqual([{ key: "A", text: "A\nalpha text\nA > B\nbeta text\nC\ngamma text" }]);
    const many = Array.from({ length: 100 }, (_, i) => ({ headingPath: [`H${i}`], text: "x ".repeat(30).trim() }));
    expect(splitPassages(many, 40, 5)).toHaveLength(5);
  });

  it("leaves room for the special tokens and a prefix", () => {
    expect(passageBudget(256)).toBeLessThan(254);
    expect(passageBudget(128)).toBeLessThan(passageBudget(256));
  });
});
