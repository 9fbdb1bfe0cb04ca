/**
 * Constants of the confidence calibration (see confidence.ts): a logistic regression of "the
 * candidate is a real effect" on its confidence inputs, fitted on simulated vaults by
 * tests/bench/fit-pattern-calibration.ts (`npm run bench -- --patterns --fit`). Fit again after
 * changing a detector or a test, and paste its output here.
 */
// Fitted on 4176 candidates (743 real) of 360 simulated vaults (seeds 1–360).
export const CALIBRATION = {
  intercept: { d: -8.635, r: -8.168, rate: -5.739, share: -9.38, contrast: -5.505 },
  weights: { evidence: 3.793, size: 1.488, lower: -2.796, logN: 1.783, support: 1.825 },
} as const;
