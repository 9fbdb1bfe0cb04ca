import type { PatternCandidate } from "./pattern-types";
import type { EffectUnit } from "./statistics";

const round2 = (value: number): string => String(Math.round(value * 100) / 100);
const points = (value: number): string => `${Math.round(value * 100)}`;

/** The effect and its 90% interval in words a person reads, by the effect's unit. */
function effectWords(unit: EffectUnit, effect: number, [low, high]: [number, number], contrast: boolean): string {
  if (contrast && unit === "rate") {
    return `success rates ${points(Math.abs(effect))} points apart, after weighing both toward your usual rate (90% interval ${points(low)} to ${points(high)} points)`;
  }
  switch (unit) {
    case "d":
      return `a difference of ${round2(Math.abs(effect))} standard deviations (90% interval ${round2(low)} to ${round2(high)})`;
    case "r":
      return `a correlation of ${round2(effect)} (90% interval ${round2(low)} to ${round2(high)})`;
    case "rate":
      return `a success rate ${points(Math.abs(effect))} points ${effect >= 0 ? "above" : "below"} the rest, after weighing it toward your usual rate (90% interval ${points(low)} to ${points(high)} points)`;
    case "share":
      return `a share ${points(Math.abs(effect))} points ${effect >= 0 ? "above" : "below"} the rest (90% interval ${points(low)} to ${points(high)} points)`;
  }
}

/** How many findings this strong are expected to be chance, in words. */
const noise = (q: number): string => (q < 0.001 ? "fewer than 1 in 1,000" : `about ${Math.round(q * 1000) / 10}%`);

/**
 * Why a candidate was proposed, in plain words: what was compared, over how many observations,
 * the effect with its interval, and how likely such a finding is noise among all those tested.
 */
export function explain(candidate: PatternCandidate, q: number): string {
  const { test } = candidate;
  if (candidate.fact) return `Read from your notes: ${candidate.compared}.`;
  return (
    `Compared ${candidate.compared} (${test.n} observations in the smaller group): ${effectWords(test.unit, test.effect, test.interval, test.contrast === true)}. ` +
    `Among findings this strong, ${noise(q)} are expected to be chance, counting every question asked of your notes.`
  );
}

/**
 * Why comparisons grouped into one finding (grouping.ts) were proposed: the clearest in full, whose
 * confidence the finding carries, then each other comparison with its counts, effect, chance share
 * and own confidence, one per line.
 */
export function explainGroup(members: readonly { candidate: PatternCandidate; q: number; confidence: number }[]): string {
  const [lead, ...others] = members;
  if (!lead) return "";
  if (others.length === 0) return explain(lead.candidate, lead.q);
  const lines = others.map(({ candidate: { compared, test }, q, confidence }) => {
    const effect = effectWords(test.unit, test.effect, test.interval, test.contrast === true);
    return `Compared ${compared}: ${effect}; among findings this strong, ${noise(q)} are chance; confidence ${confidence.toFixed(2)} on its own.`;
  });
  return [
    `${explain(lead.candidate, lead.q)} The confidence shown is this comparison's (${lead.confidence.toFixed(2)}); each other one has its own:`,
    ...lines,
  ].join("\n");
}
