/** How well a skill has worked, from the counts the problems feature writes on it. */
export interface SkillEffectiveness {
  uses: number;
  successes: number;
  failures: number;
  /** successes / uses; null before the first recorded use. */
  successRate: number | null;
  /** Average hours from starting a problem to solving it, over solved problems that used the skill. */
  avgHoursToSolution: number | null;
}

function count(value: unknown): number {
  return typeof value === "number" && Number.isFinite(value) && value > 0 ? Math.floor(value) : 0;
}

/** Read, not stored anew: uses_total, uses_success, uses_failed, hours_to_solution. */
export function skillEffectiveness(properties: Record<string, unknown>): SkillEffectiveness {
  const successes = count(properties.uses_success);
  const failures = count(properties.uses_failed);
  // uses_total also counts partial outcomes; a hand-edited total below the parts is raised to them.
  const uses = Math.max(count(properties.uses_total), successes + failures);
  const hours = properties.hours_to_solution;
  return {
    uses,
    successes,
    failures,
    successRate: uses > 0 ? successes / uses : null,
    avgHoursToSolution: typeof hours === "number" && Number.isFinite(hours) && hours >= 0 ? hours : null,
  };
}
