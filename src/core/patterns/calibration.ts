/**
 * Constants of the confidence calibration (see confidence.ts): a logistic regression of "the
 * candidate is a real effect" on its confidence inputs, fitted on simulated vaults by
 * tests/bench/fit-pattern-calibration.ts (`npm run bench -- --patterns --fit`). Fit again after
 * changing a detector or a test, and paste its output here.
 */
// Fitted on 3954 candidates (769 real) of 450 simulated vaults (seeds 1–450).
export const CALIBRATION = {
  intercept: { d: -5.518, r: -4.784, rate: -3.484, share: -6.526 },
  weights: { evidence: 4.107, size: -0.775, lower: -0.411, logN: 0.352 },
} as const;
