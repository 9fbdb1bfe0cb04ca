import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { tokenizer as oramaTokenizer } from "@orama/orama/components";
import { STOP_WORDS } from "../../../src/core/index/terms";
import { noteTokenizer } from "../../../src/core/index/tokenizer";

describe("noteTokenizer", () => {
  const tokenizer = noteTokenizer();
  const tokens = (text: string): string[] => tokenizer.tokenize(text);

  it("gives Orama's own English tokens for plain English (stemmed, our stop words dropped)", () => {
    const orama = oramaTokenizer.createTokenizer({ language: "english", stemming: true, stopWords: [...STOP_WORDS] });
    const text = "The runners were running; they ran and RUN again. Studies studying the studied connections!";
    expect(tokens(text)).toEqual(orama.tokenize(text));
    expect(tokens("running connections")).toEqual(["run", "connec"]);
  });

  it("keeps words of every script whole, lower-cased, with accents folded where that is safe", () => {
    expect(tokens("Rückerstattung ändern")).toEqual(["ruckerstattung", "andern"]);
    expect(tokens("Сочетания клавиш, ёлка")).toEqual(["сочетания", "клавиш", "елка"]);
    expect(tokens("Thème sombre")).toEqual(tokens("theme sombre"));
    // Marks are letters in Devanagari: not folded away.
    expect(tokens("हिन्दी")).toEqual(["हिन्दी"]);
  });

  it("finds British and American spellings of a word as one word", () => {
    expect(tokens("colour favourite centre catalogue")).toEqual(tokens("color favorite center catalog"));
    expect(tokens("synchronise synchronising synchronisation")).toEqual(tokens("synchronize"));
    // Short words that only look like those endings stay apart.
    expect(tokens("four")).not.toEqual(tokens("for"));
    expect(tokens("rise noise")).toEqual(["rise", "nois"]);
  });

  it("drops a word whose stem is a stop word, so it does not prefix-match everything", () => {
    // "mes" (French "my") stems to "me", which would prefix-match "media", "memory", "message"…
    expect(tokens("synchroniser mes notes")).toEqual(["synchron", "note"]);
  });

  it("cuts Chinese, Japanese and Korean runs into character pairs, a lone character stays itself", () => {
    expect(tokens("导入笔记")).toEqual(["导入", "入笔", "笔记"]);
    expect(tokens("的")).toEqual(["的"]);
    expect(tokens("SVD奇异值")).toEqual(["svd", "奇异", "异值"]);
  });

  it("keeps runs of Markdown and query syntax marks as tokens", () => {
    expect(tokens("==highlight== %%comment%% [[Note#^block]] $$ ```mermaid obsidian://open")).toEqual(
      expect.arrayContaining(["==", "%%", "[[", "#^", "]]", "$$", "```", "://", "highlight", "comment", "mermaid"]),
    );
    // A single mark (a full stop, a lone #) is no token.
    expect(tokens("end. #tag")).toEqual(["end", "tag"]);
  });

  it("splits words at marks that stand two in a row or at a word's edge, as the word pattern reads them", () => {
    expect(tokens("pop-out don't file_name -edge- a--b x_-y 'quoted'")).toEqual(["pop-out", "file_nam", "edg", "b", "x", "y", "quot", "--"]);
    // Any text: each word the pattern finds (letters, marks and digits joined by single ' ’ _ -), in order, once.
    const word = /[\p{L}\p{M}\p{N}]+(?:['’_-][\p{L}\p{M}\p{N}]+)*/gu;
    const symbolRun = /[!#$%&*+<=>?@^`|~[\]{}\\/:;-]{2,}/g;
    const text = fc
      .array(fc.constantFrom("a", "Bé", "ö", "9", "-", "_", "'", "’", " ", ".", "==", "中文", "\n", "x"), { maxLength: 40 })
      .map((parts) => parts.join(""));
    fc.assert(
      fc.property(text, (input) => {
        const lower = input.toLowerCase();
        const expected = new Set([...lower.matchAll(word)].flatMap(([w]) => tokens(w)));
        for (const [run] of lower.matchAll(symbolRun)) expected.add(run);
        expect(tokens(input)).toEqual([...expected]);
      }),
    );
  });

  it("gives one word's token as tokenizing the word would, for any word a snippet finds", () => {
    expect(tokenizer.wordToken("Files")).toBe("file");
    expect(tokenizer.wordToken("the")).toBe("");
    expect(tokenizer.wordToken("x--y")).toBe(tokens("x--y")[0]);
    // Snippets find words as a letter or digit followed by letters, digits and ' ’ _ -.
    const word = fc
      .tuple(
        fc.constantFrom("a", "Bé", "ö", "9", "x", "中", "Ш"),
        fc.array(fc.constantFrom("a", "É", "ö", "9", "-", "_", "'", "’", "x", "ё"), { maxLength: 12 }),
      )
      .map(([first, rest]) => first + rest.join(""));
    fc.assert(
      fc.property(word, (w) => {
        expect(tokenizer.wordToken(w)).toBe(tokens(w)[0] ?? "");
      }),
    );
  });

  it("gives every word in order, repeats kept, for phrase matching", () => {
    expect(tokenizer.sequence("Import from Notion, then import files")).toEqual(["import", "notion", "import", "file"]);
  });
});
