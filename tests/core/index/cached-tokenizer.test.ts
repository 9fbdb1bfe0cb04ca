import { tokenizer as oramaTokenizer } from "@orama/orama/components";
import { describe, expect, it } from "vitest";
import { cachedEnglishTokenizer } from "../../../src/core/index/cached-tokenizer";
import { STOP_WORDS } from "../../../src/core/index/terms";

describe("cachedEnglishTokenizer", () => {
  it("gives Orama's own tokens, on first sight and from its cache", () => {
    const plain = oramaTokenizer.createTokenizer({ language: "english", stemming: true, stopWords: [...STOP_WORDS] });
    const cached = cachedEnglishTokenizer();
    const text = "The runners were running; they ran and RUN again. Café naïve studies studying the studied connections!";
    for (const prop of ["body", "title", undefined]) {
      expect(cached.tokenize(text, undefined, prop, false)).toEqual(plain.tokenize(text, undefined, prop, false));
      expect(cached.tokenize(text, undefined, prop)).toEqual(plain.tokenize(text, undefined, prop));
    }
  });
});
