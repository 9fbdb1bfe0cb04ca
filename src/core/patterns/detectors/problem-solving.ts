import { differenceTest, Z90 } from "../statistics";
import { boschlooExact } from "../boschloo";
import { fisherExact, plainRate, shrunkRate } from "../exact-rates";
import { round1, unique, type DetectContext } from "../detect-context";
import { groupMeansChart, skillSuccessChart } from "../charts";
import type { ChartSpec, PatternCandidate } from "../pattern-types";
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

/** The hypotheses about meta-skill success rates: their own false-discovery family (see engine.ts). */
export const SKILL_FAMILY = "problem-solving/skill-success";
/** Both skills of a contrast need at least this many outcomes. */
const MIN_CONTRAST_OUTCOMES = 8;

const percent = (successes: number, uses: number): number => Math.round((successes / uses) * 100);

/** Boschloo's exact test of two records (Fisher's beyond its size limit). */
const ratesTest = (a: number, n1: number, b: number, n2: number): number => boschlooExact(a, n1, b, n2, fisherExact);

/**
 * Each skill against the person's other skills: Boschloo's exact test of its record against the
 * others' (exact, and less conservative than Fisher's at ten attempts), with its rate shrunk toward
 * the person's own baseline (Beta-Binomial), so three lucky attempts do not read as a skill that works.
 */
async function successCandidates(data: PatternData, context: DetectContext, outcomes: Map<string, Outcomes>, chart: ChartSpec): Promise<PatternCandidate[]> {
  let successes = 0;
  let uses = 0;
  for (const o of outcomes.values()) {
    successes += o.successes;
    uses += o.uses;
  }
  const found: PatternCandidate[] = [];
  for (const [path, o] of [...outcomes].sort(([a], [b]) => a.localeCompare(b))) {
    if (o.uses < MIN_OUTCOMES) continue;
    // The baseline is every other skill's record, so a skill is compared with the user's usual rate.
    const otherUses = uses - o.uses;
    if (otherUses < MIN_OUTCOMES) continue;
    const p = ratesTest(o.successes, o.uses, successes - o.successes, otherUses);
    const base = plainRate(successes - o.successes, otherUses);
    const shrunk = shrunkRate(o.successes, o.uses, base.rate);
    const baseline = base.rate;
    const effect = shrunk.rate - base.rate;
    const spread = Z90 * Math.sqrt(shrunk.variance + base.variance);
    context.counted(SKILL_FAMILY);
    const name = data.skills.get(path) ?? path;
    const better = effect > 0;
    const failures = o.uses - o.successes;
    found.push({
      key: `problem-solving/skill-success/${name.toLowerCase()}`,
      family: SKILL_FAMILY,
      name: better ? `${name} works for you: ${o.successes} of ${o.uses} attempts succeeded` : `${name} often fails: ${failures} of ${o.uses} attempts failed`,
      description: `${name} succeeded in ${percent(o.successes, o.uses)}% of the ${o.uses} attempts it was used in, against ${Math.round(baseline * 100)}% for your other skills.`,
      pattern_type: "problem-solving",
      positive: better,
      compared: `the ${o.uses} attempts that used ${name} (${o.successes} succeeded) against your ${otherUses} attempts with other skills (${successes - o.successes} succeeded)`,
      evidence: unique([path, ...o.evidence]),
      suggestion: better ? `Reach for ${name} early on problems like these.` : `Review when ${name} fits, or try another skill first.`,
      chart,
      test: { p, effect, large: LARGE_RATE_DIFFERENCE, n: o.uses, interval: [effect - spread, effect + spread], unit: "rate" },
    });
    await context.tick();
  }
  return found;
}

/**
 * One skill against another: a person's skills are often tried about ten times each, and a skill
 * that worked in 8 of 10 next to one that failed in 8 of 10 says little against the mix of all the
 * others, but much against each other. Every pair with enough outcomes is tested (and counted in the
 * family); a contrast is proposed only for skills on opposite sides of the person's overall rate
 * (one above, one below), so two skills that both work are not set against each other. Both rates
 * are shrunk toward the person's overall rate.
 */
async function contrastCandidates(data: PatternData, context: DetectContext, outcomes: Map<string, Outcomes>, chart: ChartSpec): Promise<PatternCandidate[]> {
  let successes = 0;
  let uses = 0;
  for (const o of outcomes.values()) {
    successes += o.successes;
    uses += o.uses;
  }
  const overall = plainRate(successes, uses).rate;
  const overallRaw = successes / uses;
  const skills = [...outcomes].filter(([, o]) => o.uses >= MIN_CONTRAST_OUTCOMES).sort(([a], [b]) => a.localeCompare(b));
  const above = (o: Outcomes): boolean => o.successes / o.uses > overallRaw;
  const pairs: { i: number; j: number; p: number }[] = [];
  for (let i = 0; i < skills.length; i++) {
    for (let j = i + 1; j < skills.length; j++) {
      context.counted(SKILL_FAMILY);
      const [a, b] = [skills[i]![1], skills[j]![1]];
      if (above(a) === above(b)) continue;
      pairs.push({ i, j, p: ratesTest(a.successes, a.uses, b.successes, b.uses) });
      await context.tick();
    }
  }
  const found: PatternCandidate[] = [];
  for (const { i, j, p } of pairs) {
    const rated = [skills[i]!, skills[j]!].map(([path, o]) => ({ path, o, shrunk: shrunkRate(o.successes, o.uses, overall) }));
    const [better, worse] = rated[0]!.shrunk.rate >= rated[1]!.shrunk.rate ? [rated[0]!, rated[1]!] : [rated[1]!, rated[0]!];
    const [bestPath, best, bestRate, worstPath, worst, worstRate] = [better.path, better.o, better.shrunk, worse.path, worse.o, worse.shrunk];
    const [bestName, worstName] = [data.skills.get(bestPath) ?? bestPath, data.skills.get(worstPath) ?? worstPath];
    const effect = bestRate.rate - worstRate.rate;
    const spread = Z90 * Math.sqrt(bestRate.variance + worstRate.variance);
    found.push({
      key: `problem-solving/skill-contrast/${bestName.toLowerCase()} over ${worstName.toLowerCase()}`,
      family: SKILL_FAMILY,
      name: `${bestName} works better for you than ${worstName}: ${best.successes} of ${best.uses} against ${worst.successes} of ${worst.uses} attempts`,
      description: `${bestName} succeeded in ${percent(best.successes, best.uses)}% of its ${best.uses} attempts, ${worstName} in ${percent(worst.successes, worst.uses)}% of its ${worst.uses}.`,
      pattern_type: "problem-solving",
      positive: true,
      compared: `the ${best.uses} attempts that used ${bestName} (${best.successes} succeeded) against the ${worst.uses} that used ${worstName} (${worst.successes} succeeded)`,
      evidence: unique([bestPath, worstPath, ...best.evidence, ...worst.evidence]),
      suggestion: `On problems where both fit, try ${bestName} before ${worstName}.`,
      chart,
      test: {
        p,
        effect,
        large: LARGE_RATE_DIFFERENCE,
        n: Math.min(best.uses, worst.uses),
        interval: [effect - spread, effect + spread],
        unit: "rate",
        contrast: true,
      },
    });
  }
  return found;
}

/** Success rates: each skill against the others, and skills against each other. */
async function skillRateCandidates(data: PatternData, context: DetectContext): Promise<PatternCandidate[]> {
  const outcomes = skillOutcomes(data);
  if (outcomes.size === 0) return [];
  const chart = skillSuccessChart([...outcomes].map(([path, o]) => ({ name: data.skills.get(path) ?? path, successes: o.successes, uses: o.uses })));
  return [...(await successCandidates(data, context, outcomes, chart)), ...(await contrastCandidates(data, context, outcomes, chart))];
}

/** Time to solution: solved problems that used a skill against solved problems that did not. */
async function timeCandidates(data: PatternData, context: DetectContext): Promise<PatternCandidate[]> {
  const solved = data.problems.filter((p) => p.status === "solved" && p.timeSpent !== undefined && p.timeSpent > 0);
  const found: PatternCandidate[] = [];
  for (const [path, name] of [...data.skills].sort(([a], [b]) => a.localeCompare(b))) {
    const withSkill = solved.filter((p) => p.skills.includes(path));
    const without = solved.filter((p) => !p.skills.includes(path));
    const key = `problem-solving/time-to-solution/${name.toLowerCase()}`;
    const test = await differenceTest(
      withSkill.map((p) => p.timeSpent! / 60),
      without.map((p) => p.timeSpent! / 60),
      context.seed(key),
      context.tick,
    );
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
      suggestion: faster
        ? `Try ${name} first on the next problem of this kind.`
        : `${name} comes with long problems: check whether it slows you down or only the hard problems need it.`,
      chart: groupMeansChart(`Hours to solution with and without ${name}`, [`With ${name}`, "Without"], [a, b], "Average hours"),
      test,
    });
    await context.tick();
  }
  return found;
}

/** Problem-solving: which meta-skills succeed or fail, how long problems take by approach, what keeps failing. */
export async function detectProblemSolving(data: PatternData, context: DetectContext): Promise<PatternCandidate[]> {
  return [...(await skillRateCandidates(data, context)), ...(await timeCandidates(data, context)), ...(await failedAttemptThemes(data, context))];
}
