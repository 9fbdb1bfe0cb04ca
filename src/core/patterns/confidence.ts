import type { PatternCandidate } from "./pattern-types";

/** Family-wise significance level: a finding whose corrected p-value is not below it is not proposed. */
export const ALPHA = 0.05;
/** The sample size at which the sample factor is ½: fewer observations cap the confidence. */
const HALF_SAMPLE = 8;
/** Proposals at or above this are "confident" (the tests' line between a pattern and noise). */
export const CONFIDENT = 0.5;

/**
 * Confidence in 0–1 = significance × effect × sample:
 * - significance = 1 − p·m / α, p Bonferroni-corrected for the m hypotheses the engine tested
 *   (0 when not significant: the finding is dropped);
 * - effect = |effect| / the test's "large" effect, capped at 1;
 * - sample = n / (n + 8), so a handful of observations never reads as certain.
 * A fact (stale problems) has significance 1.
 */
export function confidenceOf(candidate: PatternCandidate, tested: number): number {
  const { p, effect, large, n } = candidate.test;
  const corrected = candidate.fact ? 0 : Math.min(1, p * Math.max(1, tested));
  if (corrected >= ALPHA) return 0;
  const significance = 1 - corrected / ALPHA;
  const size = Math.min(1, Math.abs(effect) / large);
  const sample = n / (n + HALF_SAMPLE);
  return Math.round(significance * size * sample * 100) / 100;
}
