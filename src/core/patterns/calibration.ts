/**
 * Constants of the confidence calibration (see confidence.ts): a logistic regression of "the
 * candidate is a real effect" on its confidence inputs, fitted on simulated vaults by
 * tests/bench/fit-pattern-calibration.ts (`npm run bench -- --patterns --fit`). Fit again after
 * changing a detector or a test, and paste its output here.
 */
// Fitted on 3895 candidates (758 real) of 300 simulated vaults (seeds 1–300).
export const CALIBRATION = {
  intercept: { d: -10.006, r: -10.006, rate: -10.006, share: -10.006 },
  weights: { evidence: 2.202, size: 2.451, lower: 2.061, logN: 2.511 },
} as const;
