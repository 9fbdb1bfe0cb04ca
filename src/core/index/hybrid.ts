/**
 * Hybrid ranking: reciprocal rank fusion (RRF) of the full-text ranking and the meaning ranking.
 * A note's fused score is the sum over both lists of 1 / (RRF_K + rank), divided by the best
 * possible sum (rank 1 in every list that was searched), so scores lie in (0, 1] and 1 means "first
 * by words and first by meaning". RRF uses ranks, not raw scores, because BM25 and cosine live on
 * different scales that max-normalisation (Orama's way) distorts: one strong word match would flatten
 * every other score. Which notes may enter either list is decided by explicit thresholds
 * (FULLTEXT_THRESHOLD, MEANING_MIN_SCORE), never by library defaults.
 */
export const RRF_K = 60;

/** Cosine below which a note is not "about" the query (sentence models put unrelated text at ~0–0.2). */
export const MEANING_MIN_SCORE = 0.2;
/** Cosine below which a note is not shown as similar in the sidebar. */
export const SIMILAR_MIN_SCORE = 0.3;

export interface Fused<T> {
  key: T;
  score: number;
  textRank?: number;
  meaningRank?: number;
}

/**
 * Fuses ranked lists (best first) of note numbers; `meaningRanked` is null when there is no model.
 * Ties go to the better text rank.
 */
export function fuseRankings<T>(textRanked: readonly T[], meaningRanked: readonly T[] | null): Fused<T>[] {
  const fused = new Map<T, Fused<T>>();
  const add = (list: readonly T[], field: "textRank" | "meaningRank"): void => {
    list.forEach((key, index) => {
      const entry = fused.get(key) ?? { key, score: 0 };
      entry.score += 1 / (RRF_K + index + 1);
      entry[field] = index + 1;
      fused.set(key, entry);
    });
  };
  add(textRanked, "textRank");
  if (meaningRanked) add(meaningRanked, "meaningRank");
  const best = (meaningRanked ? 2 : 1) / (RRF_K + 1);
  return [...fused.values()]
    .map((entry) => ({ ...entry, score: entry.score / best }))
    .sort((a, b) => b.score - a.score || (a.textRank ?? Infinity) - (b.textRank ?? Infinity));
}
