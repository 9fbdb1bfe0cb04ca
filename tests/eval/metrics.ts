/**
 * Ranking metrics for the retrieval eval. Grades: 2 = relevant, 1 = partial, 0 = not judged.
 * nDCG uses the exponential gain (2^grade − 1) / log2(rank + 1) over the ideal order of every judged
 * note; MRR, Hit@k and Recall@k count only notes graded relevant (a partial answer is not a hit).
 */
export interface Judgement {
  relevant: readonly string[];
  partial: readonly string[];
}

export const METRIC_NAMES = ["nDCG@5", "nDCG@10", "MRR", "Hit@1", "Hit@3", "Hit@5", "Recall@10"] as const;
export type MetricName = (typeof METRIC_NAMES)[number];
export type Metrics = Record<MetricName, number>;

function gradeOf(judgement: Judgement, path: string): number {
  if (judgement.relevant.includes(path)) return 2;
  return judgement.partial.includes(path) ? 1 : 0;
}

function dcg(grades: readonly number[], k: number): number {
  let sum = 0;
  grades.slice(0, k).forEach((grade, i) => (sum += (2 ** grade - 1) / Math.log2(i + 2)));
  return sum;
}

export function ndcgAt(ranked: readonly string[], judgement: Judgement, k: number): number {
  const ideal = dcg([...judgement.relevant.map(() => 2), ...judgement.partial.map(() => 1)], k);
  return ideal === 0
    ? 0
    : dcg(
        ranked.map((path) => gradeOf(judgement, path)),
        k,
      ) / ideal;
}

/** 1 / rank of the first relevant note, 0 when none is ranked. */
export function reciprocalRank(ranked: readonly string[], judgement: Judgement): number {
  const rank = ranked.findIndex((path) => judgement.relevant.includes(path));
  return rank < 0 ? 0 : 1 / (rank + 1);
}

export function hitAt(ranked: readonly string[], judgement: Judgement, k: number): number {
  return ranked.slice(0, k).some((path) => judgement.relevant.includes(path)) ? 1 : 0;
}

export function recallAt(ranked: readonly string[], judgement: Judgement, k: number): number {
  if (judgement.relevant.length === 0) return 0;
  const top = new Set(ranked.slice(0, k));
  return judgement.relevant.filter((path) => top.has(path)).length / judgement.relevant.length;
}

/** Every metric of one ranked list (best first, note paths). */
export function metricsOf(ranked: readonly string[], judgement: Judgement): Metrics {
  return {
    "nDCG@5": ndcgAt(ranked, judgement, 5),
    "nDCG@10": ndcgAt(ranked, judgement, 10),
    MRR: reciprocalRank(ranked, judgement),
    "Hit@1": hitAt(ranked, judgement, 1),
    "Hit@3": hitAt(ranked, judgement, 3),
    "Hit@5": hitAt(ranked, judgement, 5),
    "Recall@10": recallAt(ranked, judgement, 10),
  };
}

/** The mean of each metric over queries (0 for no queries). */
export function meanMetrics(all: readonly Metrics[]): Metrics {
  const mean = {} as Metrics;
  for (const name of METRIC_NAMES) mean[name] = all.length === 0 ? 0 : all.reduce((sum, m) => sum + m[name], 0) / all.length;
  return mean;
}
