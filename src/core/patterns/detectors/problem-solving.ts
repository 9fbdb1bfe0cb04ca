import { differenceTest, Z90 } from "../statistics";
import { boschlooExact } from "../boschloo";
import { fisherExact, plainRate, shrunkRate } from "../exact-rates";
import { round1, unique, type DetectContext } from "../detect-context";
import { groupMeansChart, skillSuccessChart } from "../charts";
import type { ChartSpec, PairSide, PatternCandidate } from "../pattern-types";
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

interface Rated {
  path: string;
  name: string;
  o: Outcomes;
}

/** "A", "A and B", "A, B and C" (or "A, B or C"). */
const listed = (items: readonly string[], last = "and"): string =>
  items.length < 2 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} ${last} ${items.at(-1)}`;
const record = (o: Outcomes): string => `${o.successes} of ${o.uses}`;
const rateOf = (skill: Rated): string => `${skill.name} in ${percent(skill.o.successes, skill.o.uses)}% of its ${skill.o.uses}`;

/**
 * How the contrasts of one skill with several others are worded as one finding (grouping.ts picks
 * the side): the skill that works better than each of the others, or the one that works worse.
 */
function contrastSides(pairs: ReadonlyMap<string, { better: Rated; worse: Rated }>): {
  better: (skill: Rated) => PairSide;
  worse: (skill: Rated) => PairSide;
} {
  const sides = new Map<string, PairSide>();
  const side = (key: string, make: () => PairSide): PairSide => sides.get(key) ?? sides.set(key, make()).get(key)!;
  const others = (members: readonly PatternCandidate[], pick: (pair: { better: Rated; worse: Rated }) => Rated): Rated[] =>
    members.map((member) => pick(pairs.get(member.key)!));
  return {
    better: (skill) =>
      side(`better/${skill.path}`, () => ({
        key: `problem-solving/skill-contrast/${skill.name.toLowerCase()} over others`,
        words: (members) => {
          const worse = others(members, (pair) => pair.worse);
          const names = listed(worse.map((w) => w.name));
          return {
            name: `${skill.name} works better for you than ${names}: ${record(skill.o)} against ${listed(worse.map((w) => record(w.o)))} attempts`,
            description: `${skill.name} succeeded in ${percent(skill.o.successes, skill.o.uses)}% of its ${skill.o.uses} attempts, ${listed(worse.map(rateOf))}.`,
            suggestion: `On problems where ${worse.length > 1 ? "they" : "both"} fit, try ${skill.name} before ${listed(
              worse.map((w) => w.name),
              "or",
            )}.`,
            positive: true,
          };
        },
      })),
    worse: (skill) =>
      side(`worse/${skill.path}`, () => ({
        key: `problem-solving/skill-contrast/others over ${skill.name.toLowerCase()}`,
        words: (members) => {
          const better = others(members, (pair) => pair.better);
          const names = listed(better.map((b) => b.name));
          return {
            name: `${skill.name} works worse for you than ${names}: ${record(skill.o)} against ${listed(better.map((b) => record(b.o)))} attempts`,
            description: `${skill.name} succeeded in ${percent(skill.o.successes, skill.o.uses)}% of its ${skill.o.uses} attempts, ${listed(better.map(rateOf))}.`,
            suggestion: `On problems where ${better.length > 1 ? "they" : "both"} fit, try ${listed(
              better.map((b) => b.name),
              "or",
            )} before ${skill.name}.`,
            positive: false,
          };
        },
      })),
  };
}

/**
 * One skill against another: a person's skills are often tried about ten times each, and a skill
 * that worked in 8 of 10 next to one that failed in 8 of 10 says little against the mix of all the
 * others, but much against each other. Every pair with enough outcomes is tested (and counted in the
 * family); a contrast is kept only for skills on opposite sides of the person's overall rate
 * (one above, one below), so two skills that both work are not set against each other. Both rates
 * are shrunk toward the person's overall rate. Each contrast is scored on its own, then proposed
 * grouped with the other contrasts of the same skill (`pair`, grouping.ts): one skill that works
 * better than six others is one finding, not six.
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
  const tested: { i: number; j: number; p: number }[] = [];
  for (let i = 0; i < skills.length; i++) {
    for (let j = i + 1; j < skills.length; j++) {
      context.counted(SKILL_FAMILY);
      const [a, b] = [skills[i]![1], skills[j]![1]];
      if (above(a) === above(b)) continue;
      tested.push({ i, j, p: ratesTest(a.successes, a.uses, b.successes, b.uses) });
      await context.tick();
    }
  }
  const pairs = new Map<string, { better: Rated; worse: Rated }>();
  const sides = contrastSides(pairs);
  const found: PatternCandidate[] = [];
  for (const { i, j, p } of tested) {
    const rated = [skills[i]!, skills[j]!].map(([path, o]) => ({
      path,
      name: data.skills.get(path) ?? path,
      o,
      shrunk: shrunkRate(o.successes, o.uses, overall),
    }));
    const [better, worse] = rated[0]!.shrunk.rate >= rated[1]!.shrunk.rate ? [rated[0]!, rated[1]!] : [rated[1]!, rated[0]!];
    const effect = better.shrunk.rate - worse.shrunk.rate;
    const spread = Z90 * Math.sqrt(better.shrunk.variance + worse.shrunk.variance);
    const key = `problem-solving/skill-contrast/${better.name.toLowerCase()} over ${worse.name.toLowerCase()}`;
    pairs.set(key, { better, worse });
    found.push({
      key,
      family: SKILL_FAMILY,
      name: `${better.name} works better for you than ${worse.name}: ${record(better.o)} against ${record(worse.o)} attempts`,
      description: `${better.name} succeeded in ${percent(better.o.successes, better.o.uses)}% of its ${better.o.uses} attempts, ${rateOf(worse)}.`,
      pattern_type: "problem-solving",
      positive: true,
      compared: `the ${better.o.uses} attempts that used ${better.name} (${better.o.successes} succeeded) against the ${worse.o.uses} that used ${worse.name} (${worse.o.successes} succeeded)`,
      evidence: unique([better.path, worse.path, ...better.o.evidence, ...worse.o.evidence]),
      suggestion: `On problems where both fit, try ${better.name} before ${worse.name}.`,
      chart,
      test: {
        p,
        effect,
        large: LARGE_RATE_DIFFERENCE,
        n: Math.min(better.o.uses, worse.o.uses),
        interval: [effect - spread, effect + spread],
        unit: "rate",
        contrast: true,
      },
      pair: [sides.better(better), sides.worse(worse)],
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
