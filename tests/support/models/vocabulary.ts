import { OTHER_WORDS } from "./vocabulary-words";
import { STOP_WORDS, SYNONYM_GROUPS } from "./vocabulary-groups";

/** How a token's vector is made in the static model. */
export type TokenRole =
  | { kind: "special" } // [CLS], [SEP], [PAD], [MASK]: zero, so they do not pull sentences together
  | { kind: "faint" } // stop words, letters, punctuation, [UNK], suffixes: tiny random vectors
  | { kind: "synonym"; group: number } // shared base vector plus small noise
  | { kind: "word" }; // its own random vector

export interface VocabularyEntry {
  token: string;
  role: TokenRole;
}

export const SPECIAL_TOKENS = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"] as const;

const SUFFIXES = ["s", "es", "ed", "ing", "ly", "er", "ers", "ness", "ment", "ful"];
const LETTERS = "abcdefghijklmnopqrstuvwxyz0123456789".split("");
const PUNCTUATION = ".,!?:;-()[]{}#/'\"*_`|<>=+&%$@~^\\".split("");

/** The static model's vocabulary, in id order; each token appears once. */
export function buildVocabulary(): VocabularyEntry[] {
  const entries: VocabularyEntry[] = [];
  const seen = new Set<string>();
  const add = (token: string, role: TokenRole): void => {
    if (seen.has(token)) return;
    seen.add(token);
    entries.push({ token, role });
  };
  for (const token of SPECIAL_TOKENS) add(token, token === "[UNK]" ? { kind: "faint" } : { kind: "special" });
  SYNONYM_GROUPS.forEach((words, group) => words.forEach((word) => add(word, { kind: "synonym", group })));
  for (const word of STOP_WORDS) add(word, { kind: "faint" });
  for (const word of OTHER_WORDS) add(word, { kind: "word" });
  // Pieces so that unknown or inflected words split into something rather than [UNK].
  for (const suffix of SUFFIXES) add(`##${suffix}`, { kind: "faint" });
  for (const letter of LETTERS) {
    add(letter, { kind: "faint" });
    add(`##${letter}`, { kind: "faint" });
  }
  for (const mark of PUNCTUATION) add(mark, { kind: "faint" });
  return entries;
}
