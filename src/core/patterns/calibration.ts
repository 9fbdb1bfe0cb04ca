/**
 * Constants of the confidence calibration (see confidence.ts): a logistic regression of "the
 * candidate is a real effect" on its confidence inputs, fitted on simulated vaults by
 * tests/bench/fit-pattern-calibration.ts (`npm run bench -- --patterns --fit`). Fit again after
 * changing a detector or a test, and paste its output here.
 */
// Fitted on 4639 candidates (781 real) of 360 simulated vaults (seeds 1–360).
export const CALIBRATION = {
  intercept: { d: -8.879, r: -7.949, rate: -6.311, share: -9.203, contrast: -6.107 },
  weights: { evidence: 2.809, size: 1.615, lower: -1.471, logN: 1.496, support: 0.457 },
} as const;
