import { skillEffectiveness } from "./effectiveness";

/**
 * The "past success" half of ranking suggested skills, in 0–1, to combine with similarity by meaning.
 * A Laplace-smoothed success rate, (successes + ½·partials + 1) / (uses + 2): an unused skill scores
 * 0.5, neither favoured nor buried, and one lucky success weighs less than a long record.
 */
export function pastSuccessScore(properties: Record<string, unknown>): number {
  const { uses, successes, failures } = skillEffectiveness(properties);
  const partials = uses - successes - failures;
  return (successes + partials / 2 + 1) / (uses + 2);
}
