/**
 * Constants of the confidence calibration (see confidence.ts): a logistic regression of "the
 * candidate is a real effect" on its confidence inputs, fitted on simulated vaults by
 * tests/bench/fit-pattern-calibration.ts (`npm run bench -- --patterns --fit`). Fit again after
 * changing a detector or a test, and paste its output here.
 */
// Fitted on 4732 candidates (739 real) of 360 simulated vaults (seeds 1–360).
export const CALIBRATION = {
  intercept: { d: -6.112, r: -5.024, rate: -5.022, share: -7.277, contrast: -4.618 },
  weights: { evidence: 3.829, size: 1.009, lower: -3.803, logN: 0.468 },
} as const;
