/**
 * Constants of the confidence calibration (see confidence.ts): a logistic regression of "the
 * candidate is a real effect" on its confidence inputs, fitted on simulated vaults by
 * tests/bench/fit-pattern-calibration.ts (`npm run bench -- --patterns --fit`). Fit again after
 * changing a detector or a test, and paste its output here.
 */
// Fitted on 2905 candidates (737 real) of 300 simulated vaults (seeds 1–300).
export const CALIBRATION = {
  intercept: { d: -6.593, r: -5.735, rate: -5.052, share: -7.168 },
  weights: { evidence: 3.781, size: -0.161, lower: 1.01, logN: 0.983 },
} as const;
