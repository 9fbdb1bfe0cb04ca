import { wordsThatMayMatch } from "./snippet-words";

/**
 * The short excerpt a result shows: the passage of a note with the most of the query's words,
 * and where those words are in it (so a view can highlight them without parsing HTML).
 */
export interface Snippet {
  text: string;
  /** [start, end) character offsets of the query's words in `text`. */
  highlights: [number, number][];
}

/** About two lines of a sidebar. */
export const SNIPPET_CHARS = 160;

/** Chinese, Japanese and Korean: written without spaces, indexed as overlapping character pairs. */
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

type Hit = { start: number; end: number; token: string };

/**
 * Query tokens of Chinese, Japanese or Korean found inside a run of text with no spaces (a whole
 * sentence is one "word" there): each occurrence, overlapping pairs ("特征", "征值") merged into one
 * range ("特征值") so a view highlights it once.
 */
function cjkHits(word: string, at: number, queryTokens: ReadonlySet<string>): Hit[] {
  const found: Hit[] = [];
  for (const q of queryTokens) {
    if (!CJK.test(q)) continue;
    for (let i = word.indexOf(q); i >= 0; i = word.indexOf(q, i + 1)) found.push({ start: at + i, end: at + i + q.length, token: q });
  }
  found.sort((a, b) => a.start - b.start);
  const merged: Hit[] = [];
  for (const hit of found) {
    const last = merged[merged.length - 1];
    if (last && hit.start <= last.end) last.end = Math.max(last.end, hit.end);
    else merged.push({ ...hit });
  }
  return merged;
}

/**
 * The window of at most `maxChars` of `text` holding the most distinct query words. `tokenOf`
 * normalises a word as the full-text index does (lower case, stem; "" for a stop word); a word
 * matches a query token it starts with (the index matches prefixes). With no query word in the
 * text, the snippet is its beginning. Whitespace is collapsed; a cut is marked with "…".
 */
export function snippetOf(rawText: string, queryTokens: ReadonlySet<string>, tokenOf: (word: string) => string, maxChars = SNIPPET_CHARS): Snippet | null {
  return snippetMatcher(queryTokens, tokenOf, maxChars)(rawText);
}

/**
 * `snippetOf` for one query over many texts (a query's results). Only the words that may match a
 * query token are normalised (see snippet-words.ts), and each distinct one once for all the texts.
 */
export function snippetMatcher(
  queryTokens: ReadonlySet<string>,
  tokenOf: (word: string) => string,
  maxChars = SNIPPET_CHARS,
): (rawText: string) => Snippet | null {
  const tokens = [...queryTokens];
  const candidates = wordsThatMayMatch(tokens);
  // The query token a word matches, "" for none.
  const matched = new Map<string, string>();
  const matchOf = (word: string): string => {
    let query = matched.get(word);
    if (query === undefined) {
      const token = tokenOf(word);
      query = token === "" ? "" : (tokens.find((q) => token === q || token.startsWith(q)) ?? "");
      matched.set(word, query);
    }
    return query;
  };
  return (rawText) => {
    const text = rawText.replace(/\s+/g, " ").trim();
    if (text === "") return null;
    const hits: Hit[] = [];
    if (tokens.length > 0) {
      candidates(text, (start, end) => {
        const word = text.slice(start, end);
        if (CJK.test(word)) {
          hits.push(...cjkHits(word, start, queryTokens));
          return;
        }
        const query = matchOf(word);
        if (query !== "") hits.push({ start, end, token: query });
      });
    }
    return windowAround(text, hits, maxChars);
  };
}

/** The snippet of `text` around the window of hits with the most distinct tokens (the first such). */
function windowAround(text: string, hits: readonly Hit[], maxChars: number): Snippet {
  // Two pointers over the hits (in text order): the window from hit i runs up to the last hit
  // that ends within maxChars of its start, counting each token once.
  let from = 0;
  let bestCount = 0;
  const inWindow = new Map<string, number>();
  for (let i = 0, j = 0; i < hits.length; i++) {
    const start = hits[i]!.start;
    for (; j < hits.length && hits[j]!.end - start <= maxChars; j++) inWindow.set(hits[j]!.token, (inWindow.get(hits[j]!.token) ?? 0) + 1);
    if (inWindow.size > bestCount) {
      bestCount = inWindow.size;
      from = start;
    }
    if (j > i) {
      const token = hits[i]!.token;
      const left = inWindow.get(token)! - 1;
      if (left === 0) inWindow.delete(token);
      else inWindow.set(token, left);
    } else j = i + 1;
  }
  // Some words of context before the first match, starting at a word.
  let start = bestCount > 0 ? Math.max(0, from - Math.floor(maxChars / 4)) : 0;
  if (start > 0) {
    const space = text.indexOf(" ", start);
    start = space >= 0 && space < from ? space + 1 : from;
  }
  let end = Math.min(text.length, start + maxChars);
  if (end < text.length) {
    const space = text.lastIndexOf(" ", end);
    if (space > start) end = space;
  }
  const prefix = start > 0 ? "…" : "";
  const suffix = end < text.length ? "…" : "";
  const highlights = hits
    .filter((hit) => hit.start >= start && hit.end <= end)
    .map((hit): [number, number] => [hit.start - start + prefix.length, hit.end - start + prefix.length]);
  return { text: prefix + text.slice(start, end) + suffix, highlights };
}
