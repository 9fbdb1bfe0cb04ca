import type { FullTextHit } from "./fulltext-index";
import type { IndexedNote, NoteIndex } from "./note-index";

/**
 * Hybrid ranking: a convex combination of a word score and a meaning score (Bruch, Gai, Ingber 2023,
 * "An Analysis of Fusion Functions for Hybrid Retrieval": it beats reciprocal rank fusion and needs
 * few labelled queries to tune). Unlike rank fusion it keeps how strong each match is: a note that
 * means almost exactly the query outranks a long note that shares one weak word with it, and a note
 * with all the query's words in its title still wins when no note is close in meaning.
 *
 * What a score means (the same in search, the sidebar, capture suggestions and the CLI), 0 to 1:
 * - words = the square of the share of the query's words the note contains, weighted by rarity
 *   (IDF), times its BM25 relative to the best note of the query; 1 = the best word match, with
 *   every query word. A note with half the words scores at most 0.25: most of a question matters
 *   more than one word of it repeated in a title (COVERAGE_POWER).
 * - meaning = the cosine of the query's and the note's vectors (its best chunk), floored at 0.
 * - with a model: TEXT_WEIGHT × words + (1 − TEXT_WEIGHT) × meaning; without one: words.
 * Similar notes compare two notes, not a query: their score is the cosine alone.
 * TEXT_WEIGHT was chosen with `npm run eval` (tests/eval).
 */
export const TEXT_WEIGHT = 0.5;

/**
 * How strongly the word score asks for all of the query's words (a soft AND over BM25's OR).
 * Measured with `npm run eval`, full text nDCG@5 overall (obsidian-help / lesleylai-garden, BM25 k
 * 0.6 at the time): power 0.5: 0.591 / 0.673, 1: 0.605 / 0.695, 2: 0.620 / 0.746, 3: 0.614 / 0.750,
 * 4: 0.611 / 0.752 (4 lowered non-English queries); hybrid with 2: 0.742 / 0.715 against 0.739 /
 * 0.696 with 1, and TEXT_WEIGHT 0.5 still beat 0.4 and 0.6 with it.
 */
export const COVERAGE_POWER = 2;

/** Cosine below which a note is not "about" the query (sentence models put unrelated text at ~0–0.2). */
export const MEANING_MIN_SCORE = 0.2;
/** Cosine below which a note is not shown as similar in the sidebar. */
export const SIMILAR_MIN_SCORE = 0.3;

/** What is known of one candidate note before fusion. */
export interface Evidence<T> {
  key: T;
  /** Its full-text hit, when it matched by words. */
  text?: FullTextHit;
  /** 1-based place in the full-text ranking. */
  textRank?: number;
  /** Cosine to the query, when there is a model. */
  meaning?: number;
}

export interface Fused<T> extends Evidence<T> {
  score: number;
  /** The word score, 0–1 (see above). */
  words: number;
}

/** The convex fusion itself: what search ranks by, and what links a conversation to its problem. */
export function convexScore(words: number, meaning: number, textWeight = TEXT_WEIGHT): number {
  return textWeight * words + (1 - textWeight) * Math.max(0, meaning);
}

/**
 * Scores candidates (any order) and sorts them best first. `withMeaning` is false when there is no
 * model: the score is then the word score. Ties go to the better text rank.
 */
export function fuseScores<T>(candidates: readonly Evidence<T>[], withMeaning: boolean, textWeight = TEXT_WEIGHT): Fused<T>[] {
  const best = Math.max(0, ...candidates.map((c) => c.text?.score ?? 0));
  return candidates
    .map((candidate) => {
      const words = candidate.text && best > 0 ? candidate.text.coverage ** COVERAGE_POWER * (candidate.text.score / best) : 0;
      const score = withMeaning ? convexScore(words, candidate.meaning ?? 0, textWeight) : words;
      return { ...candidate, words, score };
    })
    .sort((a, b) => b.score - a.score || (a.textRank ?? Infinity) - (b.textRank ?? Infinity));
}

/** Best cosine between `query` and a note's vectors (whole note and chunks), with that chunk's heading path; null when it has none. */
export function cosineToNote(index: NoteIndex, note: IndexedNote, query: Float32Array): { score: number; section?: string } | null {
  let best: { score: number; section?: string } | null = null;
  for (const store of [index.noteVectors, index.chunkVectors]) {
    for (const entry of store?.entriesOf(note.no) ?? []) {
      let dot = 0;
      for (let d = 0; d < query.length; d++) dot += entry.vector[d]! * query[d]!;
      if (!best || dot > best.score) best = { score: dot, ...(store === index.chunkVectors && entry.key ? { section: entry.key } : {}) };
    }
  }
  return best;
}
