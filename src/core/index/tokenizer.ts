import type { Tokenizer } from "@orama/orama";
import { tokenizer as oramaTokenizer } from "@orama/orama/components";
import { ownString } from "./own-string";
import { STOP_WORDS } from "./terms";

/** Distinct words kept normalised; past this the cache starts over (a few MB at most). */
const MAX_CACHED_WORDS = 200_000;

// A word: letters, marks and digits, with inner apostrophes, hyphens and underscores ("pop-out",
// "don't", "file_name"), in any script. Orama's English splitter keeps only A–Z and a few accented
// vowels, so "Rückerstattung" became "r" + "ckerstattung" and Russian or Chinese text vanished.
const WORD = /[\p{L}\p{M}\p{N}]+(?:['’_-][\p{L}\p{M}\p{N}]+)*/gu;
// Markdown and query syntax as typed ("==", "%%", "[[", "#^", "$$", "```", "://"): runs of two or
// more of these marks are tokens too, so `==highlight==` finds the page that shows `==`.
// (Measured with `npm run eval`: syntax queries nDCG@5 0.555 → 0.766 on obsidian-help, other
// categories unchanged. Splitting hyphenated words into parts was tried and dropped: it lowered
// the second set's syntax queries.)
const NON_WORD = /[^\p{L}\p{M}\p{N}'’_-]+/u;
const EDGE = /^['’_-]|['’_-]$/;
const EDGES = /^['’_-]+|['’_-]+$/g;
/** A word with the marks at its edges trimmed, as WORD reads it. */
const trimEdges = (word: string): string => (EDGE.test(word) ? word.replace(EDGES, "") : word);
const DOUBLE_MARK = /['’_-]{2}/;
const SYMBOL_RUN = /[!#$%&*+<=>?@^`|~[\]{}\\/:;-]{2,}/g;
// Scripts written without spaces between words: cut into overlapping pairs of characters (as
// Lucene's CJK analyzer does), so a word inside a sentence is found without a dictionary.
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+/u;
const CJK_RUNS =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+|[^\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+/gu;
// Scripts whose accents are safe to fold ("thème" = "theme", "ё" = "е"); elsewhere marks are letters.
const FOLDABLE = /^[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{M}\p{N}'’_-]+$/u;
const MARKS = /\p{M}+/gu;
// Only plain a–z words go through the English stemmer (it knows no other letters).
const ENGLISH_LETTERS = /^[a-z0-9'’_-]+$/;

// British spellings read as American before stemming, so "synchronise" and "synchronize", "colour"
// and "color" are one word (the English stemmer keeps them apart). Only the systematic endings:
// -ise/-isation (after 3+ letters, so "rise" and "noise" stay), -our (in words of 6+ letters, so
// "four" and "your" stay), -tre, -logue. A word that is not a variant ("promise") changes the same
// way in notes and queries, so it still matches itself.
// (No lookbehind: iOS before 16.4 has none.)
const BRITISH = [
  [/([a-z]{3})is(e|es|ed|ing|ation|ations|er|ers)$/, "$1iz$2"],
  [/([a-z]{3})our(s|ed|ing|ful|ite|ites|able|ably|less)?$/, "$1or$2"],
  [/([a-z]{3})tre(s|d)?$/, "$1ter$2"],
  [/([a-z]{3})logue(s)?$/, "$1log$2"],
] as const;

/** The American spelling of a British word ending (see BRITISH), else the word. */
export function americanSpelling(word: string): string {
  for (const [ending, american] of BRITISH) if (ending.test(word)) return word.replace(ending, american);
  return word;
}

/** Overlapping character pairs of a run of CJK text; a single character stays itself. */
function bigrams(run: string): string[] {
  const chars = [...run];
  if (chars.length < 2) return chars;
  const pairs: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) pairs.push(chars[i]! + chars[i + 1]!);
  return pairs;
}

/**
 * The full-text tokenizer of the index and of queries (one, so both sides always agree):
 * - words in any script, lower-cased; accents folded in Latin, Greek and Cyrillic;
 * - English stop words dropped and plain a–z words stemmed with Orama's English stemmer;
 * - Chinese, Japanese and Korean runs cut into character pairs.
 * Each distinct word is normalised once: on insert Orama would stem every token again (measured
 * ~1.2 s of a 10k-note build). Tokens of one text are deduplicated, as Orama's own tokenizer does
 * (the compact index relies on it).
 */
export interface NoteTokenizer extends Tokenizer {
  tokenize(raw: string, language?: string, prop?: string, withCache?: boolean): string[];
  /** Every word token of a text in order, repeats kept (for phrase matching; the index keeps each once). */
  sequence(text: string): string[];
  /** The first token of one word, as `tokenize(word)[0]` gives it ("" for a stop word), without scanning it for words again. */
  wordToken(word: string): string;
  /**
   * Tokens already worked out for some texts (by this same tokenizer, in another thread): while
   * set, `tokenize` of such a text returns them instead of reading it again.
   */
  given: Map<string, string[]> | null;
}

export function noteTokenizer(): NoteTokenizer {
  const stem = oramaTokenizer.createTokenizer({ language: "english", stemming: true }).stemmer!;
  const stop = new Set(STOP_WORDS);
  const cache = new Map<string, string[]>();

  const normalise = (word: string): string[] => {
    if (stop.has(word)) return [];
    if (CJK.test(word)) {
      return [...word.matchAll(CJK_RUNS)].flatMap(([run]) => (CJK.test(run) ? bigrams(run) : normalise(run.replace(/^['’_-]+|['’_-]+$/g, ""))));
    }
    const folded = FOLDABLE.test(word) ? word.normalize("NFD").replace(MARKS, "").normalize("NFC") : word.normalize("NFC");
    if (folded === "" || stop.has(folded)) return [];
    if (!ENGLISH_LETTERS.test(folded)) return [folded];
    // A stem that is a stop word ("mes" → "me") says nothing, and would prefix-match every "me…" word.
    const stemmed = stem(americanSpelling(folded));
    return stop.has(stemmed) ? [] : [stemmed];
  };

  const tokensOf = (word: string): string[] => {
    let tokens = cache.get(word);
    if (tokens === undefined) {
      if (cache.size >= MAX_CACHED_WORDS) cache.clear();
      // Own copies: the word is a view into the text being indexed, and both outlive it (here and
      // in Orama's radix tree, which keeps the token).
      tokens = normalise(word).map(ownString);
      cache.set(ownString(word), tokens);
    }
    return tokens;
  };

  const tokenizer: NoteTokenizer = {
    language: "english",
    normalizationCache: new Map(),
    given: null,
    tokenize(raw: string): string[] {
      if (typeof raw !== "string") return [raw];
      const given = tokenizer.given?.get(raw);
      if (given) return given;
      const tokens = new Set<string>();
      const lower = raw.toLowerCase();
      for (const [word] of lower.matchAll(WORD)) for (const token of tokensOf(word)) tokens.add(token);
      for (const [run] of lower.matchAll(SYMBOL_RUN)) tokens.add(run);
      return [...tokens];
    },
    wordToken(word: string): string {
      const lower = word.toLowerCase();
      // Two marks in a row split a word (WORD): that rare word goes the long way.
      if (DOUBLE_MARK.test(lower)) return tokenizer.tokenize(lower)[0] ?? "";
      const trimmed = trimEdges(lower);
      return trimmed === "" ? "" : (tokensOf(trimmed)[0] ?? "");
    },
    sequence(text: string): string[] {
      const sequence: string[] = [];
      // Splitting is several times faster than matching words one by one; the ends are trimmed as WORD would.
      for (const part of text.toLowerCase().split(NON_WORD)) {
        const word = trimEdges(part);
        if (word !== "") for (const token of tokensOf(word)) sequence.push(token);
      }
      return sequence;
    },
  };
  return tokenizer;
}
