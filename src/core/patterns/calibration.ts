/**
 * Constants of the confidence calibration (see confidence.ts): a logistic regression of "the
 * candidate is a real effect" on its confidence inputs, fitted on simulated vaults by
 * tests/bench/fit-pattern-calibration.ts (`npm run bench -- --patterns --fit`). Fit again after
 * changing a detector or a test, and paste its output here.
 */
// Fitted on 4639 candidates (781 real) of 360 simulated vaults (seeds 1–360).
export const CALIBRATION = {
  intercept: { d: -7.255, r: -6.502, rate: -6.299, share: -7.867, contrast: -5.498 },
  weights: { evidence: 3.55, size: 0.844, lower: -1.946, logN: 1.112, support: 0.848 },
} as const;
