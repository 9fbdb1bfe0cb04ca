/**
 * Constants of the confidence calibration (see confidence.ts): a logistic regression of "the
 * candidate is a real effect" on its confidence inputs, fitted on simulated vaults by
 * tests/bench/fit-pattern-calibration.ts (`npm run bench -- --patterns --fit`). Fit again after
 * changing a detector or a test, and paste its output here.
 */
// Fitted on 3792 candidates (765 real) of 450 simulated vaults (seeds 1–450).
export const CALIBRATION = {
  intercept: { d: -7.076, r: -6.496, rate: -5.02, share: -7.659, contrast: -5.02 },
  weights: { evidence: 3.426, size: 0.388, lower: -0.479, logN: 1.281 },
} as const;
