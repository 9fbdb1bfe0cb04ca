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

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’_-]*/gu;
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
  const text = rawText.replace(/\s+/g, " ").trim();
  if (text === "") return null;
  const hits: Hit[] = [];
  if (queryTokens.size > 0) {
    // A token starts with its word's first letter, lower-cased (stemming and spelling change only
    // endings); only accents folding changes it, and those letters are not ASCII. So a word whose
    // ASCII first letter starts no query token cannot match, and is not normalised at all (most
    // words of ten notes per similar-notes query: this halved what snippets add to it).
    const firsts = new Set([...queryTokens].map((q) => q[0]));
    for (const match of text.matchAll(WORD)) {
      const first = match[0][0]!.toLowerCase();
      if (first < "\u0080" && !firsts.has(first)) continue;
      if (CJK.test(match[0])) {
        hits.push(...cjkHits(match[0], match.index, queryTokens));
        continue;
      }
      const token = tokenOf(match[0]);
      if (token === "") continue;
      const query = [...queryTokens].find((q) => token === q || token.startsWith(q));
      if (query) hits.push({ start: match.index, end: match.index + match[0].length, token: query });
    }
  }
  let from = 0;
  let bestCount = 0;
  for (let i = 0; i < hits.length; i++) {
    const distinct = new Set<string>();
    for (let j = i; j < hits.length && hits[j]!.end - hits[i]!.start <= maxChars; j++) distinct.add(hits[j]!.token);
    if (distinct.size > bestCount) {
      bestCount = distinct.size;
      from = hits[i]!.start;
    }
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
