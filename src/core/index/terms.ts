/**
 * Words too common to say anything about a note. Used by the full-text tokenizer (so "how do I"
 * does not match every note) and to pick a note's telling terms for cluster labels.
 */
export const STOP_WORDS: readonly string[] = (
  "a about above after again against all am an and any are as at be because been before being below between both but by " +
  "can could did do does doing down during each few for from further had has have having he her here hers herself him " +
  "himself his how i if in into is it its itself just me more most my myself no nor not now of off on once only or other " +
  "our ours ourselves out over own same she should so some such than that the their theirs them themselves then there " +
  "these they this those through to too under until up very was we were what when where which while who whom why will " +
  "with would you your yours yourself yourselves also may might must shall use used using via etc one two can't don't"
).split(" ");

const STOP = new Set(STOP_WORDS);
const WORD = /[\p{L}\p{N}][\p{L}\p{N}'_-]*/gu;
const TRAILING_MARKS = /['_-]+$/;
const DIGITS = /^\d+$/;

/** Calls `visit` with each content word of a text (see contentWords), in order. */
function eachContentWord(text: string, visit: (word: string) => void): void {
  for (const match of text.toLowerCase().matchAll(WORD)) {
    let word = match[0];
    // Regular expressions only for the few words that need them (a note has thousands of words).
    const last = word.charCodeAt(word.length - 1);
    if (last === 39 /* ' */ || last === 95 /* _ */ || last === 45 /* - */) word = word.replace(TRAILING_MARKS, "");
    if (word.length <= 1 || STOP.has(word)) continue;
    const first = word.charCodeAt(0);
    if (first >= 48 && first <= 57 && DIGITS.test(word)) continue;
    visit(word);
  }
}

/** Lower-cased words of a text, without stop words, numbers or one-letter tokens. */
export function contentWords(text: string): string[] {
  const words: string[] = [];
  eachContentWord(text, (word) => words.push(word));
  return words;
}

/** Whether word `a` (seen `ca` times) ranks before `b` (`cb` times): more frequent first, then alphabetical. */
const before = (a: string, ca: number, b: string, cb: number): boolean => ca > cb || (ca === cb && a < b);

/**
 * The `limit` most frequent content words of a text: a cheap summary kept per note for labels.
 * The best `limit` are kept as the counts are read (sorting every distinct word of each note was
 * a sixth of extracting it, measured on 10k notes).
 */
export function topTerms(text: string, limit: number): string[] {
  if (limit <= 0) return [];
  const counts = new Map<string, number>();
  eachContentWord(text, (word) => counts.set(word, (counts.get(word) ?? 0) + 1));
  const top: [word: string, count: number][] = [];
  for (const [word, count] of counts) {
    if (top.length >= limit) {
      const [lastWord, lastCount] = top[top.length - 1]!;
      if (!before(word, count, lastWord, lastCount)) continue;
      top.pop();
    }
    let at = top.length;
    while (at > 0 && before(word, count, top[at - 1]![0], top[at - 1]![1])) at--;
    top.splice(at, 0, [word, count]);
  }
  return top.map(([word]) => word);
}
