import { differenceTest, Z90 } from "../statistics";
import { fisherExact, plainRate, shrunkRate } from "../exact-rates";
import { round1, unique, type DetectContext } from "../detect-context";
import { groupMeansChart, skillSuccessChart } from "../charts";
import type { PatternCandidate } from "../pattern-types";
import { failedAttemptThemes } from "./failed-attempts";
import type { PatternData } from "../pattern-data";

/** Differences in success rate counted as large (30 points). */
const LARGE_RATE_DIFFERENCE = 0.3;
const MIN_OUTCOMES = 5;

interface Outcomes {
  successes: number;
  uses: number;
  evidence: string[];
}

/**
 * Each attempt that linked the skill with outcome success, or failed / abandoned (partial attempts
 * say nothing yet). Problems are left out: a solved problem is always a "success", so mixing them
 * with attempts would favour whichever skills appear on many closed problems.
 */
export function skillOutcomes(data: PatternData): Map<string, Outcomes> {
  const outcomes = new Map<string, Outcomes>();
  const add = (skill: string, success: boolean, path: string): void => {
    const o = outcomes.get(skill) ?? { successes: 0, uses: 0, evidence: [] };
    o.uses++;
    if (success) o.successes++;
    o.evidence.push(path);
    outcomes.set(skill, o);
  };
  for (const entry of data.entries) {
    if (entry.type !== "attempt" || !entry.outcome || entry.outcome === "partial") continue;
    for (const skill of entry.skills) add(skill, entry.outcome === "success", entry.path);
  }
  return outcomes;
}

function successCandidates(data: PatternData, context: DetectContext): PatternCandidate[] {
  const outcomes = skillOutcomes(data);
  let successes = 0;
  let uses = 0;
  for (const o of outcomes.values()) {
    successes += o.successes;
    uses += o.uses;
  }
  if (uses === 0) return [];
  const chart = skillSuccessChart([...outcomes].map(([path, o]) => ({ name: data.skills.get(path) ?? path, successes: o.successes, uses: o.uses })));
  const found: PatternCandidate[] = [];
  for (const [path, o] of [...outcomes].sort(([a], [b]) => a.localeCompare(b))) {
    if (o.uses < MIN_OUTCOMES) continue;
    // The baseline is every other skill's record, so a skill is compared with the user's usual rate.
    const otherUses = uses - o.uses;
    if (otherUses < MIN_OUTCOMES) continue;
    // Fisher's exact test of this skill's record against the others' (exact at ten attempts), and
    // its rate shrunk toward the person's own baseline (Beta-Binomial), so three lucky attempts
    // do not read as a skill that works.
    const p = fisherExact(o.successes, o.uses, successes - o.successes, otherUses);
    const base = plainRate(successes - o.successes, otherUses);
    const shrunk = shrunkRate(o.successes, o.uses, base.rate);
    const baseline = base.rate;
    const rate = o.successes / o.uses;
    const effect = shrunk.rate - base.rate;
    const spread = Z90 * Math.sqrt(shrunk.variance + base.variance);
    context.counted();
    const name = data.skills.get(path) ?? path;
    const better = effect > 0;
    const failures = o.uses - o.successes;
    found.push({
      key: `problem-solving/skill-success/${name.toLowerCase()}`,
      name: better ? `${name} works for you: ${o.successes} of ${o.uses} attempts succeeded` : `${name} often fails: ${failures} of ${o.uses} attempts failed`,
      description: `${name} succeeded in ${Math.round(rate * 100)}% of the ${o.uses} attempts it was used in, against ${Math.round(baseline * 100)}% for your other skills.`,
      pattern_type: "problem-solving",
      positive: better,
      compared: `the ${o.uses} attempts that used ${name} (${o.successes} succeeded) against your ${otherUses} attempts with other skills (${successes - o.successes} succeeded)`,
      evidence: unique([path, ...o.evidence]),
      suggestion: better ? `Reach for ${name} early on problems like these.` : `Review when ${name} fits, or try another skill first.`,
      chart,
      test: { p, effect, large: LARGE_RATE_DIFFERENCE, n: o.uses, interval: [effect - spread, effect + spread], unit: "rate" },
    });
  }
  return found;
}

/** Time to solution: solved problems that used a skill against solved problems that did not. */
async function timeCandidates(data: PatternData, context: DetectContext): Promise<PatternCandidate[]> {
  const solved = data.problems.filter((p) => p.status === "solved" && p.timeSpent !== undefined && p.timeSpent > 0);
  const found: PatternCandidate[] = [];
  for (const [path, name] of [...data.skills].sort(([a], [b]) => a.localeCompare(b))) {
    const withSkill = solved.filter((p) => p.skills.includes(path));
    const without = solved.filter((p) => !p.skills.includes(path));
    const key = `problem-solving/time-to-solution/${name.toLowerCase()}`;
    const test = await differenceTest(withSkill.map((p) => p.timeSpent! / 60), without.map((p) => p.timeSpent! / 60), context.seed(key), context.tick);
    if (!test) continue;
    context.counted();
    const faster = test.effect < 0;
    const a = round1(withSkill.map((p) => p.timeSpent! / 60));
    const b = round1(without.map((p) => p.timeSpent! / 60));
    found.push({
      key,
      name: `Problems solved with ${name} take ${faster ? "less" : "more"} time`,
      description: `The ${withSkill.length} problems you solved with ${name} took ${a} h on average, against ${b} h for the ${without.length} solved without it.`,
      pattern_type: "problem-solving",
      positive: faster,
      compared: `hours to solution of the ${withSkill.length} problems solved with ${name} against the ${without.length} solved without it`,
      evidence: unique([path, ...withSkill.map((p) => p.path)]),
      suggestion: faster ? `Try ${name} first on the next problem of this kind.` : `${name} comes with long problems: check whether it slows you down or only the hard problems need it.`,
      chart: groupMeansChart(`Hours to solution with and without ${name}`, [`With ${name}`, "Without"], [a, b], "Average hours"),
      test,
    });
    await context.tick();
  }
  return found;
}

/** Problem-solving: which meta-skills succeed or fail, how long problems take by approach, what keeps failing. */
export async function detectProblemSolving(data: PatternData, context: DetectContext): Promise<PatternCandidate[]> {
  return [...successCandidates(data, context), ...(await timeCandidates(data, context)), ...(await failedAttemptThemes(data, context))];
}
