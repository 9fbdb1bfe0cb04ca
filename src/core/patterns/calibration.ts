/**
 * Constants of the confidence calibration (see confidence.ts): a logistic regression of "the
 * candidate is a real effect" on its confidence inputs, fitted on simulated vaults by
 * tests/bench/fit-pattern-calibration.ts (`npm run bench -- --patterns --fit`). Fit again after
 * changing a detector or a test, and paste its output here.
 */
// Fitted on 4176 candidates (743 real) of 360 simulated vaults (seeds 1–360).
export const CALIBRATION = {
  intercept: { d: -10.121, r: -9.526, rate: -7.004, share: -10.457, contrast: -7.077 },
  weights: { evidence: 2.992, size: 2.312, lower: -1.728, logN: 2.317, support: 1.465, elsewhere: 0.598 },
} as const;
