import {
  binomialDistribution,
  errorFunction,
  mean,
  permutationTest,
  probit,
  sample,
  sampleCorrelation,
  sampleStandardDeviation,
  sum,
  tTestTwoSample,
} from "simple-statistics";
import { seededRandom } from "../random";

/**
 * The tests the pattern engine runs, through simple-statistics (and `exact-rates.ts` for rates).
 * Each returns a p-value (the chance of an effect at least this large in data without one), an
 * effect size with a 90% interval, and the sample size; the engine turns p-values into
 * false-discovery q-values and `confidence.ts` turns those into the calibrated confidence a user sees.
 */
export interface TestResult {
  p: number;
  /** Signed effect size in the test's own unit (see `large`). */
  effect: number;
  /** The effect size counted as large: a confidence needs |effect| near it. */
  large: number;
  /** The sample size that limits the test (the smaller group). */
  n: number;
  /** 90% interval of the effect, in its own unit: what the view shows as "between … and …". */
  interval: [number, number];
  /**
   * The effect's unit: a standardised difference of means (Cohen's d), a correlation, a difference
   * of success rates or of shares (0–1), or a share read as a fact.
   */
  unit: EffectUnit;
  /**
   * Two chosen groups compared with each other (one skill against another) rather than a group
   * against the rest: such findings have their own base rate in the calibration.
   */
  contrast?: boolean;
}

export type EffectUnit = "d" | "r" | "rate" | "share";

/** z of a two-sided 90% interval (simple-statistics' probit). */
export const Z90 = probit(0.95);

/** Below this many values per group no comparison is made: too little data gives no pattern. */
export const MIN_GROUP = 6;
/** Groups at least this large use the t statistic with a normal tail; smaller ones a permutation test. */
const LARGE_GROUP = 30;
/**
 * Permutations for small groups (10,000 in all), in chunks so that one chunk is a short synchronous
 * step: 500 permutations of up to 400 values take about 2 ms (2,000 took up to 25 ms on a busy machine).
 */
export const PERMUTATION_CHUNKS = 20;
const PERMUTATIONS_PER_CHUNK = 500;
/**
 * Once the estimate is this large, more permutations cannot make the difference a finding (the
 * engine controls the false-discovery rate over every hypothesis it tests), so the test stops refining it.
 */
const CLEARLY_NOT_SIGNIFICANT = 0.05;
/** A small group is compared with at most this many values of the other (a seeded random sample). */
const MAX_COMPARED = 200;
/** Cohen's conventions for a "large" effect: d = 0.8, r = 0.5. */
const LARGE_D = 0.8;
const LARGE_R = 0.5;

/**
 * Two-sided tail of the standard normal beyond |z|, via simple-statistics' errorFunction
 * (its cumulativeStdNormalProbability reads a table that stops at z = 3.09, too coarse once p is
 * corrected for many tests).
 */
export function normalTwoSidedP(z: number): number {
  return Math.max(0, 1 - errorFunction(Math.abs(z) / Math.SQRT2));
}

/** Standardised mean difference: (mean x − mean y) over the spread of all values. */
function standardisedDifference(x: readonly number[], y: readonly number[]): number {
  const spread = sampleStandardDeviation([...x, ...y]);
  const difference = mean(x) - mean(y);
  if (spread === 0) return difference === 0 ? 0 : Math.sign(difference) * 10;
  return difference / spread;
}

/** 90% interval of a standardised difference d between groups of n1 and n2 (its large-sample standard error). */
function differenceInterval(d: number, n1: number, n2: number): [number, number] {
  const se = Math.sqrt((n1 + n2) / (n1 * n2) + (d * d) / (2 * (n1 + n2)));
  return [d - Z90 * se, d + Z90 * se];
}

/**
 * Is x's mean different from y's? Small groups: simple-statistics' permutationTest (difference of
 * means, seeded so the same notes give the same p), averaged over chunks, stopping early once p is
 * clearly not significant. Large groups: its Student
 * t (tTestTwoSample) with a normal tail, which the t distribution approaches at these sizes. A
 * small group against a large one is compared with a seeded random sample of the large one.
 * `between` is called between chunks so a caller can yield to the UI. Null when a group is too small.
 */
export async function differenceTest(
  x: readonly number[],
  y: readonly number[],
  seed: number,
  between: () => Promise<void> = async () => {},
): Promise<TestResult | null> {
  const n = Math.min(x.length, y.length);
  if (n < MIN_GROUP) return null;
  const effect = standardisedDifference(x, y);
  if (Math.min(x.length, y.length) >= LARGE_GROUP) {
    const t = tTestTwoSample(x, y, 0);
    const p = t === null || t === undefined || !Number.isFinite(t) ? (effect === 0 ? 1 : 0) : normalTwoSidedP(t);
    return { p, effect, large: LARGE_D, n, interval: differenceInterval(effect, x.length, y.length), unit: "d" };
  }
  const random = seededRandom(seed);
  // Permuting thousands of values for a group of ten adds time, not information.
  const cap = (values: readonly number[]): number[] => (values.length > MAX_COMPARED ? sample([...values], MAX_COMPARED, random) : [...values]);
  const [a, b] = [cap(x), cap(y)];
  const estimates: number[] = [];
  for (let chunk = 0; chunk < PERMUTATION_CHUNKS; chunk++) {
    estimates.push(permutationTest(a, b, "two_side", PERMUTATIONS_PER_CHUNK, random));
    await between();
    if (mean(estimates) >= CLEARLY_NOT_SIGNIFICANT) break;
  }
  return { p: mean(estimates), effect, large: LARGE_D, n, interval: differenceInterval(effect, x.length, y.length), unit: "d" };
}

/**
 * Do x and y move together? simple-statistics' sampleCorrelation, with the p-value of Fisher's z
 * (atanh r · √(n−3)) from the normal tail above. Null below MIN_GROUP·2 pairs.
 */
export function correlationTest(x: readonly number[], y: readonly number[]): TestResult | null {
  const n = Math.min(x.length, y.length);
  if (n < MIN_GROUP * 2) return null;
  const r = sampleCorrelation(x, y);
  if (!Number.isFinite(r)) return null;
  const clamped = Math.max(-0.999999, Math.min(0.999999, r));
  const z = Math.atanh(clamped);
  const half = Z90 / Math.sqrt(n - 3);
  return { p: normalTwoSidedP(z * Math.sqrt(n - 3)), effect: r, large: LARGE_R, n, interval: [Math.tanh(z - half), Math.tanh(z + half)], unit: "r" };
}

/**
 * Chance of at least `k` successes in `n` trials of probability `p0` (the upper tail of
 * simple-statistics' binomialDistribution): an exact test that a rate is above a baseline.
 */
export function binomialUpperTail(k: number, n: number, p0: number): number {
  if (k <= 0) return 1;
  const cells = binomialDistribution(n, Math.min(1, Math.max(0, p0)));
  if (!cells) return 1;
  // The library stops the table once the cumulative probability is within epsilon of 1.
  return Math.max(0, 1 - sum(cells.slice(0, k)));
}

/** Chance of at most `k` successes in `n` trials of probability `p0`. */
export function binomialLowerTail(k: number, n: number, p0: number): number {
  const cells = binomialDistribution(n, Math.min(1, Math.max(0, p0)));
  if (!cells) return 1;
  return Math.min(1, sum(cells.slice(0, k + 1)));
}
