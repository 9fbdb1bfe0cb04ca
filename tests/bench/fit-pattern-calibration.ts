/**
 * Fits the confidence calibration (src/core/patterns/calibration.ts): a logistic regression (Platt
 * scaling) of "the candidate is a real planted effect" on its confidence inputs, over the candidates
 * of simulated vaults — one in three with random effect sizes, the others null — by Newton's method (iteratively
 * reweighted least squares, through ml-matrix's solver). Seeds 1…N; the benchmark checks the result
 * on other seeds. Run: `npm run bench -- --patterns --fit [--vaults=450]`, then paste the printed
 * constants into calibration.ts.
 */
import { Matrix, solve } from "ml-matrix";
import { CALIBRATION_GROUPS, type ConfidenceInputs } from "../../src/core/patterns/confidence";
import { modeOf, runSimulated, type Observation } from "./pattern-calibration";

const FEATURES = ["evidence", "size", "lower", "logN", "support", "elsewhere"] as const satisfies readonly (keyof ConfidenceInputs)[];
const UNITS = CALIBRATION_GROUPS;
/** A small ridge keeps the fit finite when the data separate cleanly. */
const RIDGE = 1e-3;

function fitLogistic(observations: readonly Observation[]): number[] {
  // One intercept per kind of test (a one-hot column each), then the shared slopes.
  const rows = observations.map((o) => [...UNITS.map((u) => (o.inputs.group === u ? 1 : 0)), ...FEATURES.map((f) => o.inputs[f])]);
  const y = observations.map((o) => (o.real ? 1 : 0));
  let beta = new Array<number>(UNITS.length + FEATURES.length).fill(0);
  for (let iteration = 0; iteration < 50; iteration++) {
    const k = beta.length;
    const hessian = Matrix.zeros(k, k);
    const gradient = new Array<number>(k).fill(0);
    rows.forEach((x, i) => {
      const p = 1 / (1 + Math.exp(-x.reduce((s, v, j) => s + v * beta[j]!, 0)));
      const w = Math.max(p * (1 - p), 1e-9);
      for (let a = 0; a < k; a++) {
        gradient[a]! += (y[i]! - p) * x[a]!;
        for (let b = 0; b < k; b++) hessian.set(a, b, hessian.get(a, b) + w * x[a]! * x[b]!);
      }
    });
    for (let a = 0; a < k; a++) {
      hessian.set(a, a, hessian.get(a, a) + RIDGE);
      gradient[a]! -= RIDGE * beta[a]!;
    }
    const step = solve(hessian, Matrix.columnVector(gradient)).to1DArray();
    beta = beta.map((b, j) => b + step[j]!);
    if (Math.max(...step.map(Math.abs)) < 1e-8) break;
  }
  return beta;
}

export async function fitCalibration(vaults: number): Promise<string> {
  const observations: Observation[] = [];
  for (let seed = 1; seed <= vaults; seed++) {
    observations.push(...(await runSimulated(seed, modeOf(seed))).observations);
    if (seed % 50 === 0) console.error(`fitted on ${seed} of ${vaults} vaults…`);
  }
  const fitted = fitLogistic(observations);
  const intercepts = fitted.slice(0, UNITS.length);
  const weights = fitted.slice(UNITS.length);
  const round = (v: number): number => Math.round(v * 1000) / 1000;
  const real = observations.filter((o) => o.real).length;
  return [
    `// Fitted on ${observations.length} candidates (${real} real) of ${vaults} simulated vaults (seeds 1–${vaults}).`,
    "export const CALIBRATION = {",
    `  intercept: { ${UNITS.map((u, i) => `${u}: ${round(intercepts[i]!)}`).join(", ")} },`,
    `  weights: { ${FEATURES.map((f, i) => `${f}: ${round(weights[i]!)}`).join(", ")} },`,
    "} as const;",
  ].join("\n");
}
