import { gammaln } from "simple-statistics";

/**
 * Exact tests and shrinkage for success rates (a meta-skill's successes against the others').
 * simple-statistics has the log-gamma function but no hypergeometric distribution, so the
 * hypergeometric probabilities Fisher's exact test sums are computed here from log-gammas.
 */

/** log of n choose k, through simple-statistics' gammaln. */
export function logChoose(n: number, k: number): number {
  return gammaln(n + 1) - gammaln(k + 1) - gammaln(n - k + 1);
}

/**
 * Hypergeometric probability of `k` successes in a draw of `draws` from a population of
 * `population` holding `successes` successes.
 */
export function hypergeometric(k: number, population: number, successes: number, draws: number): number {
  if (k < Math.max(0, draws - (population - successes)) || k > Math.min(draws, successes)) return 0;
  return Math.exp(logChoose(successes, k) + logChoose(population - successes, draws - k) - logChoose(population, draws));
}

/** Tables as likely as the observed one within this relative margin count as "as extreme" (rounding of the log-gammas). */
const SAME_PROBABILITY = 1 + 1e-7;

/**
 * Fisher's exact test, two-sided, of a 2×2 table: `a` successes out of `n1` in one group and `b`
 * successes out of `n2` in the other. The p-value is the total probability, given the margins, of
 * every table no more likely than the one observed — exact at any sample size, which is what ten
 * attempts of a skill need.
 */
export function fisherExact(a: number, n1: number, b: number, n2: number): number {
  const population = n1 + n2;
  const successes = a + b;
  const observed = hypergeometric(a, population, successes, n1);
  let p = 0;
  for (let k = Math.max(0, n1 - (population - successes)); k <= Math.min(n1, successes); k++) {
    const probability = hypergeometric(k, population, successes, n1);
    if (probability <= observed * SAME_PROBABILITY) p += probability;
  }
  return Math.min(1, p);
}

/**
 * Fisher's exact test, one-sided: the chance, given the margins, of `a` or more successes of `n1`
 * in the first group when the other group has `b` of `n2` — "is this more common here than there?".
 */
export function fisherUpperTail(a: number, n1: number, b: number, n2: number): number {
  const population = n1 + n2;
  const successes = a + b;
  let p = 0;
  for (let k = a; k <= Math.min(n1, successes); k++) p += hypergeometric(k, population, successes, n1);
  return Math.min(1, p);
}

/** Pseudo-attempts of the prior toward the person's own baseline: a skill's rate starts as if it had been tried this often at the baseline. */
export const PRIOR_ATTEMPTS = 4;

export interface ShrunkRate {
  /** Posterior mean of the rate: (successes + prior successes) / (uses + prior attempts). */
  rate: number;
  /** Posterior variance of the rate (a Beta distribution's). */
  variance: number;
}

/** Mean and variance of Beta(α, β). */
function beta(alpha: number, betaParameter: number): ShrunkRate {
  const total = alpha + betaParameter;
  return { rate: alpha / total, variance: (alpha * betaParameter) / (total * total * (total + 1)) };
}

/**
 * Beta-Binomial shrinkage: a rate observed as `successes` of `uses` with a Beta prior centred on
 * the person's `baseline` worth PRIOR_ATTEMPTS attempts. Ten attempts move the rate most of the
 * way from the baseline; three barely move it — a flat cap is not needed.
 */
export function shrunkRate(successes: number, uses: number, baseline: number, priorAttempts = PRIOR_ATTEMPTS): ShrunkRate {
  const b = Math.min(0.99, Math.max(0.01, baseline));
  return beta(successes + b * priorAttempts, uses - successes + (1 - b) * priorAttempts);
}

/** A rate with a uniform prior (the baseline itself: many attempts, little to shrink). */
export function plainRate(successes: number, uses: number): ShrunkRate {
  return beta(successes + 1, uses - successes + 1);
}
