/**
 * Long text split into passages a sentence model reads whole: each about `budget` word pieces,
 * cut at paragraph, then sentence, then word boundaries (never inside a word), so nothing past the
 * model's sequence length is silently dropped and every part of a long note has a vector.
 *
 * Word pieces are estimated, not counted: the index has no tokenizer (it lives in the embedding
 * worker). The estimate errs high (a long or rare word counts several pieces, every punctuation
 * mark and every CJK character one), so a passage rarely reaches the model's limit.
 */

/** A run of letters/digits, one CJK/kana/hangul character, or one other visible character. */
const PIECE =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]|(?:(?![\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}])[\p{L}\p{N}\p{M}])+|[^\s\p{L}\p{N}\p{M}]/gu;
/** Letters per word piece in a long word ("internationalization" → 4): WordPiece splits rare words. */
const LETTERS_PER_PIECE = 6;
/** A sentence's end mark and the space after it (captured, so the mark stays with its sentence). */
const SENTENCE_END = /([.!?…。！？])\s+/u;

/** Paragraphs (lines), or sentences: a split keeps each sentence's end mark. */
function parts(text: string, boundary: "line" | "sentence"): string[] {
  if (boundary === "line") return text.split(/\n+/);
  const pieces = text.split(SENTENCE_END);
  const out: string[] = [];
  for (let i = 0; i < pieces.length; i += 2) out.push((pieces[i] ?? "") + (pieces[i + 1] ?? ""));
  return out;
}

export function estimateWordPieces(text: string): number {
  let pieces = 0;
  for (const match of text.matchAll(PIECE)) pieces += Math.max(1, Math.ceil(match[0].length / LETTERS_PER_PIECE));
  return pieces;
}

/**
 * Word pieces of text per passage for a model that reads `maxTokens`: room for [CLS], [SEP], a
 * prefix such as E5's "passage: ", and the estimate's error.
 */
export function passageBudget(maxTokens: number): number {
  return Math.max(16, Math.floor(maxTokens * 0.9) - 4);
}

/** Splits text at the first boundary kind that yields more than one part; words as the last resort. */
function units(text: string, budget: number): string[] {
  if (estimateWordPieces(text) <= budget) return [text];
  for (const boundary of ["line", "sentence"] as const) {
    const split = parts(text, boundary)
      .map((part) => part.trim())
      .filter((part) => part !== "");
    if (split.length > 1) return split.flatMap((part) => units(part, budget));
  }
  // One sentence longer than a passage: cut between words.
  const out: string[] = [];
  let current: string[] = [];
  let used = 0;
  for (const word of text.split(/\s+/)) {
    const cost = estimateWordPieces(word);
    if (used + cost > budget && current.length > 0) {
      out.push(current.join(" "));
      current = [];
      used = 0;
    }
    current.push(word);
    used += cost;
  }
  if (current.length > 0) out.push(current.join(" "));
  return out;
}

export interface PassageSection {
  headingPath: string[];
  text: string;
}

export interface Passage {
  /** The heading path of the section it starts in ("Methods > Analysis"; "" before any heading). */
  key: string;
  text: string;
}

/**
 * Packs a note's sections into passages of at most `budget` estimated word pieces, in order. Short
 * sections share a passage (one model pass, not one each); a passage begins each section's part
 * with its heading path, so a chunk found by search says where it is. At most `maxPassages`.
 */
export function splitPassages(sections: readonly PassageSection[], budget: number, maxPassages: number): Passage[] {
  const passages: Passage[] = [];
  let key: string | null = null;
  let lines: string[] = [];
  let used = 0;
  const flush = (): void => {
    if (lines.length > 0 && key !== null) passages.push({ key, text: lines.join("\n") });
    key = null;
    lines = [];
    used = 0;
  };
  for (const section of sections) {
    const heading = section.headingPath.join(" > ");
    const headingCost = heading === "" ? 0 : estimateWordPieces(heading);
    let headed = false;
    for (const unit of units(section.text, Math.max(8, budget - headingCost))) {
      let cost = estimateWordPieces(unit) + (headed ? 0 : headingCost);
      if (used + cost > budget && lines.length > 0) {
        flush();
        headed = false;
        cost = estimateWordPieces(unit) + headingCost;
      }
      if (passages.length >= maxPassages) return passages;
      key ??= heading;
      if (!headed && heading !== "") lines.push(heading);
      headed = true;
      lines.push(unit);
      used += cost;
    }
  }
  flush();
  return passages.slice(0, maxPassages);
}
