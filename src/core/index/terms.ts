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

/** Lower-cased words of a text, without stop words, numbers or one-letter tokens. */
export function contentWords(text: string): string[] {
  const words: string[] = [];
  for (const match of text.toLowerCase().matchAll(WORD)) {
    const word = match[0].replace(/['_-]+$/, "");
    if (word.length > 1 && !STOP.has(word) && !/^\d+$/.test(word)) words.push(word);
  }
  return words;
}

/** The `limit` most frequent content words of a text: a cheap summary kept per note for labels. */
export function topTerms(text: string, limit: number): string[] {
  const counts = new Map<string, number>();
  for (const word of contentWords(text)) counts.set(word, (counts.get(word) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, limit)
    .map(([word]) => word);
}
