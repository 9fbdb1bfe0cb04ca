import { format, startOfWeek, subDays } from "date-fns";
import { differenceTest } from "../statistics";
import { present, round1, unique, type DetectContext } from "../detect-context";
import { groupMeansChart, moodOverTimeChart } from "../charts";
import type { PatternCandidate } from "../pattern-types";
import type { PatternData } from "../pattern-data";

/** "What changed" compares the last this-many days with the days before. */
export const RECENT_DAYS = 30;
const METRICS = [
  { key: "mood", label: "mood", higherIsBetter: true },
  { key: "energy", label: "energy", higherIsBetter: true },
  { key: "stress", label: "stress", higherIsBetter: false },
  { key: "sleep", label: "sleep", higherIsBetter: true },
] as const;

/** What changed: each daily measure over the last 30 days against the days before. */
async function whatChanged(data: PatternData, context: DetectContext): Promise<PatternCandidate[]> {
  const cut = format(subDays(data.now, RECENT_DAYS), "yyyy-MM-dd");
  const found: PatternCandidate[] = [];
  for (const metric of METRICS) {
    const { items, values } = present(data.days, (d) => d[metric.key]);
    const recent = values.filter((_, i) => items[i]!.date > cut);
    const before = values.filter((_, i) => items[i]!.date <= cut);
    const key = `changes/last-30-days/${metric.key}`;
    const test = await differenceTest(recent, before, context.seed(key), context.tick);
    if (!test) continue;
    context.counted();
    const up = test.effect > 0;
    const [a, b] = [round1(recent), round1(before)];
    const unit = metric.key === "sleep" ? " h" : "";
    found.push({
      key,
      name: `Your ${metric.label} has been ${up ? "higher" : "lower"} in the last ${RECENT_DAYS} days`,
      description: `Your ${metric.label} averaged ${a}${unit} over the last ${RECENT_DAYS} days, against ${b}${unit} before.`,
      pattern_type: metric.key === "sleep" ? "behavioral" : "emotional",
      positive: up === metric.higherIsBetter,
      compared: `your ${metric.label} on the ${recent.length} days of the last ${RECENT_DAYS} with a reflection against the ${before.length} before`,
      evidence: unique(items.filter((d) => d.date > cut).map((d) => d.path)),
      suggestion:
        up === metric.higherIsBetter
          ? `Look at what you changed lately: it is working.`
          : `Something changed in the last month: your reflections of those days may say what.`,
      chart: moodOverTimeChart(data.days),
      test,
    });
  }
  return found;
}

/** Time to solution by problem category: solved problems of a category against the other solved ones. */
async function categoryTimes(data: PatternData, context: DetectContext): Promise<PatternCandidate[]> {
  const solved = data.problems.filter((p) => p.status === "solved" && (p.timeSpent ?? 0) > 0);
  const found: PatternCandidate[] = [];
  for (const category of unique(solved.flatMap((p) => (p.category ? [p.category] : [])))) {
    const inside = solved.filter((p) => p.category === category);
    const outside = solved.filter((p) => p.category !== category);
    const key = `problem-solving/category-time/${category.toLowerCase()}`;
    const hours = (problems: typeof solved): number[] => problems.map((p) => p.timeSpent! / 60);
    const test = await differenceTest(hours(inside), hours(outside), context.seed(key), context.tick);
    if (!test) continue;
    context.counted();
    const longer = test.effect > 0;
    const [a, b] = [round1(hours(inside)), round1(hours(outside))];
    found.push({
      key,
      name: `${category} problems take you ${longer ? "longer" : "less time"} to solve`,
      description: `Your ${inside.length} solved ${category} problems took ${a} h on average, against ${b} h for the other ${outside.length}.`,
      pattern_type: "problem-solving",
      positive: !longer,
      compared: `hours to solution of the ${inside.length} solved ${category} problems against the ${outside.length} others`,
      evidence: unique(inside.map((p) => p.path)),
      suggestion: longer
        ? `Plan more time for ${category} problems, or split them sooner.`
        : `Whatever you do on ${category} problems, it works: try it elsewhere.`,
      chart: groupMeansChart(`Hours to solution: ${category} and the rest`, [category, "Other categories"], [a, b], "Average hours"),
      test,
    });
  }
  return found;
}

/** Reviewed decisions needed before "would you decide the same?" says something. */
const MIN_DECISIONS = 5;

/** Decisions: how often the person would decide the same again, with their satisfaction (a fact). */
function decisions(data: PatternData): PatternCandidate[] {
  const reviewed = data.entries.filter((e) => e.type === "decision" && e.wouldDecideSame !== undefined);
  if (reviewed.length < MIN_DECISIONS) return [];
  const again = reviewed.filter((e) => e.wouldDecideSame);
  const rated = reviewed.filter((e) => e.satisfaction !== undefined);
  const satisfaction = rated.length > 0 ? round1(rated.map((e) => e.satisfaction!)) : undefined;
  const regretted = reviewed.filter((e) => !e.wouldDecideSame);
  const mostly = again.length * 2 >= reviewed.length;
  const share = again.length / reviewed.length;
  return [
    {
      key: "thinking/decisions/would-decide-same",
      name: `You would make ${again.length} of your ${reviewed.length} reviewed decisions again`,
      description: `Looking back, you would decide the same way in ${again.length} of ${reviewed.length} decisions${satisfaction !== undefined ? `; your satisfaction with them averaged ${satisfaction} of 10` : ""}.`,
      pattern_type: "thinking",
      positive: mostly,
      compared: `your answer to "would you decide the same?" in ${reviewed.length} reviewed decisions`,
      evidence: unique((mostly ? regretted : again).length > 0 ? (mostly ? regretted : again).map((e) => e.path) : reviewed.map((e) => e.path)),
      suggestion: mostly
        ? "Read the decisions you would make differently: what did you expect that did not happen?"
        : "Before the next decision, write what you expect and how you will know it worked.",
      chart: groupMeansChart("Reviewed decisions", ["Would decide the same", "Would decide differently"], [again.length, regretted.length], "Decisions"),
      test: { p: 0, effect: share, large: 1, n: reviewed.length, interval: [share, share], unit: "share" },
      fact: true,
    },
  ];
}

/** Attempts with a skill before "used but never reviewed" is worth saying. */
const MIN_USES = 3;

/** Skills reviewed but never used in an attempt, and skills used but never reviewed (facts). */
function reviewsAndUse(data: PatternData): PatternCandidate[] {
  const uses = new Map<string, string[]>();
  for (const entry of data.entries) for (const skill of entry.skills) uses.set(skill, [...(uses.get(skill) ?? []), entry.path]);
  for (const problem of data.problems) for (const skill of problem.skills) uses.set(skill, [...(uses.get(skill) ?? []), problem.path]);
  const reviewedUnused = [...data.reviews]
    .filter(([path, days]) => days.length > 0 && !uses.has(path))
    .map(([path]) => path)
    .sort();
  // Someone who reviews no skill at all does not use reviews: "never reviewed" would say nothing.
  const reviewsAny = [...data.reviews.values()].some((days) => days.length > 0);
  const usedUnreviewed = !reviewsAny
    ? []
    : [...uses]
        .filter(([path, used]) => used.length >= MIN_USES && (data.reviews.get(path)?.length ?? 0) === 0)
        .map(([path]) => path)
        .sort();
  const names = (paths: string[]): string => paths.map((p) => data.skills.get(p) ?? p).join(", ");
  const found: PatternCandidate[] = [];
  const fact = (count: number, total: number): PatternCandidate["test"] => ({
    p: 0,
    effect: count / Math.max(1, total),
    large: 1,
    n: count,
    interval: [count / Math.max(1, total), count / Math.max(1, total)],
    unit: "share",
  });
  if (reviewedUnused.length > 0) {
    found.push({
      key: "problem-solving/skills/reviewed-never-used",
      name: `${reviewedUnused.length === 1 ? "A skill you review is" : `${reviewedUnused.length} skills you review are`} never used`,
      description: `You review ${names(reviewedUnused)}, but no attempt or problem of yours uses ${reviewedUnused.length === 1 ? "it" : "them"}.`,
      pattern_type: "problem-solving",
      positive: false,
      compared: `the skills with review days against the skills your attempts and problems link`,
      evidence: reviewedUnused,
      suggestion: "Try one of them on your next problem, or stop reviewing it.",
      chart: groupMeansChart(
        "Reviews of skills you never used",
        reviewedUnused.map((p) => data.skills.get(p) ?? p),
        reviewedUnused.map((p) => data.reviews.get(p)!.length),
        "Reviews",
      ),
      test: fact(reviewedUnused.length, data.skills.size),
      fact: true,
    });
  }
  if (usedUnreviewed.length > 0) {
    found.push({
      key: "problem-solving/skills/used-never-reviewed",
      name: `${usedUnreviewed.length === 1 ? "A skill you use is" : `${usedUnreviewed.length} skills you use are`} never reviewed`,
      description: `You used ${names(usedUnreviewed)} in ${MIN_USES} or more attempts or problems, but never reviewed ${usedUnreviewed.length === 1 ? "it" : "them"}.`,
      pattern_type: "problem-solving",
      positive: false,
      compared: `the skills your attempts and problems link against the skills with review days`,
      evidence: usedUnreviewed,
      suggestion: "Review the skills you rely on, so what you learn with them sticks.",
      chart: groupMeansChart(
        "Uses of skills you never reviewed",
        usedUnreviewed.map((p) => data.skills.get(p) ?? p),
        usedUnreviewed.map((p) => uses.get(p)!.length),
        "Uses",
      ),
      test: fact(usedUnreviewed.length, data.skills.size),
      fact: true,
    });
  }
  return found;
}

/** Whole weeks of daily reflections needed before habit targets are compared. */
const MIN_WEEKS = 4;

/** Habit targets: in how many of the recent whole weeks each habit reached its weekly target (a fact). */
function habitTargets(data: PatternData): PatternCandidate[] {
  if (data.habitTargets.length === 0 || data.days.length === 0) return [];
  const thisWeek = format(startOfWeek(data.now, { weekStartsOn: 1 }), "yyyy-MM-dd");
  const weeks = new Map<string, typeof data.days>();
  for (const day of data.days) {
    const week = format(startOfWeek(new Date(`${day.date}T12:00:00`), { weekStartsOn: 1 }), "yyyy-MM-dd");
    if (week >= thisWeek) continue;
    weeks.set(week, [...(weeks.get(week) ?? []), day]);
  }
  const recent = [...weeks.keys()].sort().slice(-12);
  if (recent.length < MIN_WEEKS) return [];
  const found: PatternCandidate[] = [];
  for (const habit of data.habitTargets) {
    const wanted = habit.name.trim().toLowerCase();
    const counts = recent.map((week) => weeks.get(week)!.filter((d) => d.habits.some((h) => h.trim().toLowerCase() === wanted)).length);
    const reached = counts.filter((count) => count >= habit.targetPerWeek).length;
    const missedWeeks = recent.filter((_, i) => counts[i]! < habit.targetPerWeek);
    // Worth saying when the target is mostly missed (or always reached: then it may be too easy).
    if (reached * 2 > recent.length && reached < recent.length) continue;
    const missing = reached < recent.length;
    found.push({
      key: `behavioral/habit-target/${wanted}`,
      name: missing ? `You reach your ${habit.name} target in ${reached} of ${recent.length} weeks` : `You reach your ${habit.name} target every week`,
      description: `Your target is ${habit.targetPerWeek} days a week; over the last ${recent.length} whole weeks you did ${habit.name} on ${counts.join(", ")} days.`,
      pattern_type: "behavioral",
      positive: !missing,
      compared: `the days you ticked ${habit.name} in each of the last ${recent.length} whole weeks against your target of ${habit.targetPerWeek}`,
      evidence: unique(recent.flatMap((week) => ((missing ? missedWeeks.includes(week) : true) ? weeks.get(week)!.map((d) => d.path) : []))),
      suggestion: missing
        ? `Lower the target to what a normal week allows, or tie ${habit.name} to something you already do daily.`
        : `Raise the target for ${habit.name}, or keep it as it is if it is where you want it.`,
      chart: groupMeansChart(`${habit.name}: days per week`, recent, counts, "Days"),
      test: { p: 0, effect: reached / recent.length, large: 1, n: recent.length, interval: [reached / recent.length, reached / recent.length], unit: "share" },
      fact: true,
    });
  }
  return found;
}

/** The data the other detectors leave aside: recent change, problem categories, decisions, reviews and habit targets. */
export async function detectChanges(data: PatternData, context: DetectContext): Promise<PatternCandidate[]> {
  return [...(await whatChanged(data, context)), ...(await categoryTimes(data, context)), ...decisions(data), ...reviewsAndUse(data), ...habitTargets(data)];
}
