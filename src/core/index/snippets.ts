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

/**
 * The window of at most `maxChars` of `text` holding the most distinct query words. `tokenOf`
 * normalises a word as the full-text index does (lower case, stem; "" for a stop word); a word
 * matches a query token it starts with (the index matches prefixes). With no query word in the
 * text, the snippet is its beginning. Whitespace is collapsed; a cut is marked with "…".
 */
export function snippetOf(rawText: string, queryTokens: ReadonlySet<string>, tokenOf: (word: string) => string, maxChars = SNIPPET_CHARS): Snippet | null {
  const text = rawText.replace(/\s+/g, " ").trim();
  if (text === "") return null;
  const hits: { start: number; end: number; token: string }[] = [];
  if (queryTokens.size > 0) {
    for (const match of text.matchAll(WORD)) {
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
