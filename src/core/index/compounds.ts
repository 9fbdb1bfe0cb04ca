/**
 * Dictionary decompounding of query words (as Lucene's DictionaryCompoundWordTokenFilter does, with
 * the index's own words as the dictionary): a query word no note contains, such as
 * "Schlafhygiene" or "keybinding", is also searched by the words inside it that notes do contain
 * ("hygiene"; "binding"). A word the notes have is never split. Only words of MIN_COMPOUND to
 * MAX_COMPOUND letters are split (the cost grows with the square of the length), into parts of
 * MIN_PART letters or more (shorter parts were accidental: "plan" in "plantillas", "bin" in
 * "Tastenkombinationen"), the longest part first at each position.
 * Measured with `npm run eval` (full text nDCG@5): lesleylai-garden non-English 0 → 0.5 (overall
 * 0.740 → 0.802), obsidian-help unchanged, the same for words of 5, 6, 8 or 10+ letters and parts of
 * 3, 4 or 5+.
 */
export const MIN_COMPOUND = 8;
export const MAX_COMPOUND = 40;
export const MIN_PART = 5;

/**
 * The words to add to a query for each of its unknown compound words. `tokenOf` gives a word as the
 * index stores it ("" for a stop word), `known(token, prefix)` whether any note has that token
 * (`prefix`: or a word starting with it).
 */
export function compoundParts(words: readonly string[], tokenOf: (word: string) => string, known: (token: string, prefix: boolean) => boolean): string[] {
  const parts: string[] = [];
  for (const word of words) {
    const chars = [...word];
    if (chars.length < MIN_COMPOUND || chars.length > MAX_COMPOUND) continue;
    const token = tokenOf(word);
    if (token === "" || known(token, true)) continue;
    for (let start = 0; start + MIN_PART <= chars.length; start++) {
      // The longest known part starting here; the whole word is not a part of itself.
      for (let end = chars.length; end - start >= MIN_PART; end--) {
        if (start === 0 && end === chars.length) continue;
        const part = chars.slice(start, end).join("");
        const partToken = tokenOf(part);
        if (partToken !== "" && known(partToken, false)) {
          parts.push(part);
          start = end - 1;
          break;
        }
      }
    }
  }
  return parts;
}
