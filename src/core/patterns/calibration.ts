/**
 * Constants of the confidence calibration (see confidence.ts), fitted on simulated vaults by
 * tests/bench/fit-pattern-calibration.ts — run it again after changing a detector or a test, and
 * paste its output here.
 */
export const CALIBRATION = {
  intercept: -3,
  weights: { evidence: 1, size: 1, lower: 1, logN: 0 },
} as const;
