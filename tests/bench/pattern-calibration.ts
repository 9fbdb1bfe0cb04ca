/**
 * The confidence's calibration on simulated vaults (tests/support/vault-simulator.ts): collects each
 * candidate's confidence inputs with whether it is real, and tabulates how often proposals at each
 * confidence are real. Used by the fit (fit-pattern-calibration.ts) and `npm run bench -- --patterns`.
 */
import { confidenceInputs, confidenceOf, CONFIDENT, MAX_Q, MIN_SHOWN, type ConfidenceInputs } from "../../src/core/patterns/confidence";
import { proposedFindings, scoreCandidates } from "../../src/core/patterns/engine";
import { simulateVault } from "../support/vault-simulator";

export interface Observation {
  inputs: ConfidenceInputs;
  confidence: number;
  real: boolean;
}

export interface VaultRun {
  observations: Observation[];
  /** Highest confidence of an inferred proposal. */
  highest: number;
  /** Proposals that group comparisons: their confidence, whether their clearest member is real, and whether every member is. */
  groups: { confidence: number; members: number; leadReal: boolean; allReal: boolean }[];
}

/**
 * The mix of vaults the confidence is calibrated for: two null vaults (nothing planted) for each
 * vault with random effects, so that a confidence means the same in a vault with nothing to find.
 */
export const modeOf = (seed: number): "random" | "null" => (seed % 3 === 0 ? "random" : "null");

export async function runSimulated(seed: number, mode: "random" | "null"): Promise<VaultRun> {
  const vault = simulateVault(seed, mode);
  const { scored } = await scoreCandidates(vault.data);
  // Comparisons are proposed grouped, at their clearest member's confidence: the others are no
  // proposals of their own, so only the clearest is an observation of the calibration.
  const proposed = proposedFindings(scored);
  const listedOnly = new Set(proposed.flatMap((group) => group.members.slice(1).map((member) => member.candidate)));
  const groups = proposed
    .filter((group) => group.lead.candidate.pair)
    .map(({ lead, members }) => ({
      confidence: lead.confidence,
      members: members.length,
      leadReal: vault.isReal(lead.candidate) === true,
      allReal: members.every((member) => vault.isReal(member.candidate) === true),
    }));
  const observations: Observation[] = [];
  let highest = 0;
  for (const { candidate, q, support, elsewhere } of scored) {
    if (listedOnly.has(candidate)) continue;
    const real = vault.isReal(candidate);
    if (real === undefined || q > MAX_Q) continue;
    const confidence = confidenceOf(candidate, q, support, elsewhere);
    observations.push({ inputs: confidenceInputs(candidate, q, support, elsewhere), confidence, real });
    if (confidence >= MIN_SHOWN) highest = Math.max(highest, confidence);
  }
  return { observations, highest, groups };
}

export interface ReliabilityRow {
  bin: string;
  proposals: number;
  real: number;
  meanConfidence: number;
  realShare: number;
}

/** Proposals (confidence ≥ MIN_SHOWN) by confidence tenths: how many, how many real; and the expected calibration error. */
export function reliability(observations: readonly Observation[]): { rows: ReliabilityRow[]; ece: number; shown: number } {
  const shown = observations.filter((o) => o.confidence >= MIN_SHOWN);
  const rows: ReliabilityRow[] = [];
  let ece = 0;
  for (let low = 0.2; low < 1; low = Math.round((low + 0.1) * 10) / 10) {
    const high = Math.round((low + 0.1) * 10) / 10;
    const inBin = shown.filter((o) => o.confidence >= low && (o.confidence < high || (high === 1 && o.confidence <= 1)));
    if (inBin.length === 0) {
      rows.push({ bin: `[${low.toFixed(1)}, ${high.toFixed(1)})`, proposals: 0, real: 0, meanConfidence: 0, realShare: 0 });
      continue;
    }
    const real = inBin.filter((o) => o.real).length;
    const meanConfidence = inBin.reduce((sum, o) => sum + o.confidence, 0) / inBin.length;
    ece += (inBin.length / shown.length) * Math.abs(real / inBin.length - meanConfidence);
    rows.push({
      bin: `[${low.toFixed(1)}, ${high === 1 ? "1.0]" : `${high.toFixed(1)})`}`,
      proposals: inBin.length,
      real,
      meanConfidence,
      realShare: real / inBin.length,
    });
  }
  return { rows, ece, shown: shown.length };
}

export { CONFIDENT };
