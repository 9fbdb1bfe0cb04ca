/**
 * Finding, in a result's text, the words that may match a query's tokens, without normalising
 * (stemming) every word: a snippet is built for each of ten results per query, and normalising
 * every word of them cost a similar-notes query as much again as its vector scan.
 */

/**
 * How much of a token's beginning its word (lower-cased, plain a–z) certainly has. The stemmer
 * rewrites at most a token's last two characters ("possibility" → "possibl"); a British ending
 * read as American ("favourites" → "favorit", "centred" → "centerd") may change one more, but
 * never within a word's first four letters (its rules need three letters before the ending).
 * Measured over every a–z word of the corpora; tests/core/index/snippets-candidates.test.ts holds
 * the snippets to normalising every word.
 */
export function unchangedStart(token: string): string {
  const length = token.length >= 7 ? token.length - 3 : Math.max(1, token.length - 2);
  return token.slice(0, length);
}

/** The sticky form of the snippet's WORD, for words with letters outside ASCII. */
const WORD_AT = /[\p{L}\p{N}][\p{L}\p{N}'’_-]*/uy;

const isAsciiWordStart = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
/** Inside a word: letters, digits, ', _ and -. */
const isAsciiWordChar = (c: number): boolean => isAsciiWordStart(c) || c === 39 || c === 95 || c === 45;
const lower = (c: number): number => (c >= 65 && c <= 90 ? c + 32 : c);

/**
 * Calls `visit(start, end)` for each word of `text` (as /[\p{L}\p{N}][\p{L}\p{N}'’_-]*\/gu reads
 * it) that may match a token of `tokens`: its lower-cased start is a token's unchanged start,
 * or it has a character outside ASCII (accents fold; Chinese, Japanese and Korean are cut into
 * pairs), which the caller then normalises. Plain ASCII words are read char by char, with no string
 * made for a word that cannot match (a regex match per word was most of the cost); the rest goes
 * through the regex, so every script reads as the index reads it.
 */
export function wordsThatMayMatch(tokens: readonly string[]): (text: string, visit: (start: number, end: number) => void) => void {
  // Unchanged beginnings by their first character.
  const byFirst = new Map<number, string[]>();
  for (const token of tokens) {
    const first = token.charCodeAt(0);
    if (!isAsciiWordStart(first)) continue;
    const start = unchangedStart(token);
    const list = byFirst.get(first) ?? [];
    if (!list.includes(start)) list.push(start);
    byFirst.set(first, list);
  }
  const startsLike = (text: string, at: number, end: number): boolean => {
    const starts = byFirst.get(lower(text.charCodeAt(at)));
    if (!starts) return false;
    outer: for (const start of starts) {
      if (start.length > end - at) continue;
      for (let k = 1; k < start.length; k++) if (lower(text.charCodeAt(at + k)) !== start.charCodeAt(k)) continue outer;
      return true;
    }
    return false;
  };
  return (text, visit) => {
    const n = text.length;
    let i = 0;
    while (i < n) {
      const c = text.charCodeAt(i);
      // Where a plain ASCII run from here ends (i when it starts no word).
      let j = i;
      if (c < 128) {
        if (!isAsciiWordStart(c)) {
          i++;
          continue;
        }
        j = i + 1;
        while (j < n && isAsciiWordChar(text.charCodeAt(j))) j++;
        if (j === n || text.charCodeAt(j) < 128) {
          if (startsLike(text, i, j)) visit(i, j);
          i = j;
          continue;
        }
      }
      // A character outside ASCII here or right after the run ("naïve", "word…"): the regex reads the word.
      WORD_AT.lastIndex = i;
      const match = WORD_AT.exec(text);
      if (!match) {
        i += c >= 0xd800 && c <= 0xdbff ? 2 : 1;
        continue;
      }
      const end = i + match[0].length;
      // Only a word with a character outside ASCII skips the start test.
      if (end !== j || startsLike(text, i, end)) visit(i, end);
      i = end;
    }
  };
}
