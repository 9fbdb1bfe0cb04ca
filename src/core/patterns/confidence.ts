import type { PatternCandidate } from "./pattern-types";
import { CALIBRATION } from "./calibration";

/** Proposals at or above this are "confident" (the tests' line between a pattern and noise). */
export const CONFIDENT = 0.5;
/** A candidate whose false-discovery q-value is above this is not proposed at all, whatever its size. */
export const MAX_Q = 0.25;
/** Below this confidence a proposal is not shown: more often noise than not, by a wide margin. */
export const MIN_SHOWN = 0.2;
/** Where a lone finding without room to spare is held: just below CONFIDENT. */
const BELOW_CONFIDENT = 0.49;

/**
 * What the confidence is computed from: the evidence against chance (the q-value), the effect's
 * size and how far its 90% interval stays from zero (both in units of the test's "large" effect),
 * and the sample size.
 */
export interface ConfidenceInputs {
  /** −log10 of the Benjamini–Hochberg q-value (0 at q = 1, 3 at q = 0.001), capped at 10. */
  evidence: number;
  /** |effect| / large, capped at 2. */
  size: number;
  /** The interval's end nearest zero, on the effect's side, / large (negative: it crosses zero); in [−2, 2]. */
  lower: number;
  /** log10 of the sample size. */
  logN: number;
  /**
   * The clearest finding of its false-discovery family that rests on other notes (−log10 of its
   * q-value above SUPPORT_FLOOR, capped; 0 when none, and always 0 in the shared family): whether this
   * person's skills differ at all. A skill contrast next to another skill that clearly stands out
   * is more often real than the same contrast in notes where no skill does — an empirical-Bayes
   * reading of the person's own records.
   */
  support: number;
  /**
   * The vault's clearest other finding of any kind (−log10 of its q-value above ELSEWHERE_FLOOR,
   * capped; 0 when none): whether anything at all stands out in these notes. In a person's notes
   * with nothing to find, the hundreds of questions asked throw up a lone finding at q ≈ 0.01–0.03
   * now and then; next to other clear findings the same q-value is more often real.
   */
  elsewhere: number;
  /** The kind of test — its effect's unit, or a contrast of two chosen groups: each has its own base rate of real findings. */
  group: CalibrationGroup;
}

/** The kinds of test the calibration gives an intercept each. */
export const CALIBRATION_GROUPS = ["d", "r", "rate", "share", "contrast"] as const;
export type CalibrationGroup = (typeof CALIBRATION_GROUPS)[number];

/**
 * −log10 q of the family's clearest finding on other notes counts from SUPPORT_FLOOR (q = 0.01: a
 * chance finding among a null vault's skills rarely gets there) up to SUPPORT_CAP (q = 0.0001).
 */
const SUPPORT_FLOOR = 2;
const SUPPORT_CAP = 4;
/** −log10 q of the vault's clearest other finding counts from q ≈ 0.03 up to q ≈ 0.0003. */
const ELSEWHERE_FLOOR = 1.5;
const ELSEWHERE_CAP = 3.5;
/**
 * A lone finding (nothing else in the vault at q ≤ 0.03) is scored below CONFIDENT unless its 90%
 * interval stays at least this far from zero, in units of a large effect: "at least the size
 * stated" must hold with room to spare when nothing else in the notes vouches for it. Chosen on
 * the fit's simulated vaults (seeds 1–360), not on the benchmark's or the tests'.
 */
const LONE_MIN_LOWER = 0.3;

const clamp = (value: number, low: number, high: number): number => Math.min(high, Math.max(low, value));

export function confidenceInputs(candidate: PatternCandidate, q: number, support: number, elsewhere = 0): ConfidenceInputs {
  const { effect, large, n, interval, unit, contrast } = candidate.test;
  const nearest = effect >= 0 ? interval[0] : -interval[1];
  return {
    evidence: clamp(-Math.log10(Math.max(q, 1e-10)), 0, 10),
    size: clamp(Math.abs(effect) / large, 0, 2),
    lower: clamp(nearest / large, -2, 2),
    logN: Math.log10(Math.max(1, n)),
    support: clamp(support - SUPPORT_FLOOR, 0, SUPPORT_CAP - SUPPORT_FLOOR),
    elsewhere: clamp(elsewhere - ELSEWHERE_FLOOR, 0, ELSEWHERE_CAP - ELSEWHERE_FLOOR),
    group: contrast ? "contrast" : unit,
  };
}

/** The calibration's linear score (its log-odds) for the inputs. */
export function calibratedLogOdds(inputs: ConfidenceInputs): number {
  const w = CALIBRATION.weights;
  return (
    CALIBRATION.intercept[inputs.group] +
    w.evidence * inputs.evidence +
    w.size * inputs.size +
    w.lower * inputs.lower +
    w.logN * inputs.logN +
    w.support * inputs.support +
    w.elsewhere * inputs.elsewhere
  );
}

/**
 * Confidence in 0–1 = the probability that the pattern is real — an effect in the stated direction,
 * of at least the smallest size the simulator counts as real — given its q-value, effect, interval,
 * sample size, the clearest other finding of its family (`support`, −log10 of that q-value) and
 * of the whole vault (`elsewhere`); a lone finding whose interval nearly touches zero is held below
 * CONFIDENT (LONE_MIN_LOWER). It is a logistic calibration (Platt scaling) fitted on simulated personal vaults
 * with planted effects of known size (tests/support/vault-simulator.ts; the fit is
 * tests/bench/fit-pattern-calibration.ts, which wrote `calibration.ts`), so that among proposals
 * at 0.7–0.8 about three in four are real. A fact read from the notes (stale problems) is 1.
 * 0 when the q-value is above MAX_Q: then the finding is not proposed.
 */
export function confidenceOf(candidate: PatternCandidate, q: number, support: number, elsewhere = 0): number {
  if (candidate.fact) return 1;
  if (q > MAX_Q) return 0;
  const inputs = confidenceInputs(candidate, q, support, elsewhere);
  const probability = Math.round((1 / (1 + Math.exp(-calibratedLogOdds(inputs)))) * 100) / 100;
  return inputs.elsewhere === 0 && inputs.lower < LONE_MIN_LOWER ? Math.min(probability, BELOW_CONFIDENT) : probability;
}
