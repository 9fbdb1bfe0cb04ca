import { median } from "simple-statistics";
import { noteName } from "../../vault/paths";
import { correlationTest, differenceTest } from "../statistics";
import { round1, unique, type DetectContext } from "../detect-context";
import { groupMeansChart, habitCalendarChart, moodOverTimeChart } from "../charts";
import type { PatternCandidate } from "../pattern-types";
import type { DayPoint, PatternData } from "../pattern-data";

type Mooded = DayPoint & { mood: number };

/** Mood moves with sleep and stress (correlations over the days that record both). */
function correlations(data: PatternData, days: Mooded[]): PatternCandidate[] {
  const found: PatternCandidate[] = [];
  for (const factor of ["sleep", "stress"] as const) {
    const both = days.filter((d) => d[factor] !== undefined);
    const test = correlationTest(
      both.map((d) => d[factor]!),
      both.map((d) => d.mood),
    );
    if (!test) continue;
    const cut = median(both.map((d) => d[factor]!));
    const low = both.filter((d) => d[factor]! < cut);
    const high = both.filter((d) => d[factor]! >= cut);
    if (low.length === 0 || high.length === 0) continue;
    const lowMood = round1(low.map((d) => d.mood));
    const highMood = round1(high.map((d) => d.mood));
    const r = Math.round(test.effect * 100) / 100;
    if (factor === "sleep") {
      const helps = test.effect > 0;
      found.push({
        key: "emotional/mood/sleep",
        name: helps ? `Mood is lower after nights under ${cut} h of sleep` : `Mood is higher after nights under ${cut} h of sleep`,
        description: `After nights under ${cut} h your mood averaged ${lowMood}, against ${highMood} after longer nights (${both.length} days, correlation ${r}).`,
        pattern_type: "emotional",
        positive: !helps,
        compared: `your mood with the hours you slept, over ${both.length} days that record both`,
        evidence: unique((helps ? low : high).map((d) => d.path)),
        suggestion: helps
          ? `Protect your sleep: aim for at least ${cut} h before days that matter.`
          : "Short nights do not seem to cost you mood; watch energy instead.",
        chart: moodOverTimeChart(both),
        test,
      });
    } else {
      const hurts = test.effect < 0;
      found.push({
        key: "emotional/mood/stress",
        name: hurts ? "Mood is lower on stressful days" : "Mood holds up on stressful days",
        description: `On days with stress ${cut} or more your mood averaged ${highMood}, against ${lowMood} on calmer days (${both.length} days, correlation ${r}).`,
        pattern_type: "emotional",
        positive: !hurts,
        compared: `your mood with your stress, over ${both.length} days that record both`,
        evidence: unique((hurts ? high : low).map((d) => d.path)),
        suggestion: hurts
          ? "On high-stress days, plan one small thing that restores you."
          : "Stress does not pull your mood down: note what you do on those days.",
        chart: moodOverTimeChart(both),
        test,
      });
    }
  }
  return found;
}

interface DaySplit {
  key: string;
  /** "you exercise", "you log blockers", "you work on Ship v2". */
  phrase: string;
  inside: Mooded[];
  /** Notes besides the reflections that show the days (entries, problems). */
  extraEvidence: string[];
  calendarHabit?: string;
}

async function splitCandidate(split: DaySplit, days: Mooded[], context: DetectContext): Promise<PatternCandidate | null> {
  const insideDates = new Set(split.inside.map((d) => d.date));
  const outside = days.filter((d) => !insideDates.has(d.date));
  const test = await differenceTest(
    split.inside.map((d) => d.mood),
    outside.map((d) => d.mood),
    context.seed(split.key),
    context.tick,
  );
  if (!test) return null;
  context.counted();
  const higher = test.effect > 0;
  const a = round1(split.inside.map((d) => d.mood));
  const b = round1(outside.map((d) => d.mood));
  return {
    key: split.key,
    name: `Mood is ${higher ? "higher" : "lower"} on days ${split.phrase}`,
    description: `Your mood averaged ${a} on the ${split.inside.length} days ${split.phrase}, against ${b} on the other ${outside.length}.`,
    pattern_type: "emotional",
    positive: higher,
    compared: `your mood on the ${split.inside.length} days ${split.phrase} against the other ${outside.length} days`,
    evidence: unique([...split.inside.map((d) => d.path), ...split.extraEvidence]),
    suggestion: higher ? `Make room for days ${split.phrase}.` : `On days ${split.phrase}, plan something that lifts you afterwards.`,
    chart: split.calendarHabit
      ? habitCalendarChart(days, split.calendarHabit)
      : groupMeansChart(`Mood on days ${split.phrase}`, [`Days ${split.phrase}`, "Other days"], [a, b], "Average mood", 10),
    test,
  };
}

/** Emotional: what mood moves with — sleep, stress, habits, the entry types logged, the problems worked on. */
export async function detectEmotional(data: PatternData, context: DetectContext): Promise<PatternCandidate[]> {
  const days = data.days.filter((d): d is Mooded => d.mood !== undefined);
  if (days.length === 0) return [];
  const found = correlations(data, days);
  found.forEach(() => context.counted());
  await context.tick();
  const byDate = new Map(days.map((d) => [d.date, d]));
  const splits: DaySplit[] = [];
  for (const habit of unique(days.flatMap((d) => d.habits))) {
    splits.push({
      key: `emotional/mood/habit/${habit.toLowerCase()}`,
      phrase: `you do ${habit}`,
      inside: days.filter((d) => d.habits.includes(habit)),
      extraEvidence: [],
      calendarHabit: habit,
    });
  }
  const typeDays = new Map<string, { days: Set<Mooded>; entries: string[] }>();
  for (const entry of data.entries) {
    const dayPoint = entry.date ? byDate.get(entry.date) : undefined;
    if (!dayPoint || entry.type === "") continue;
    const group = typeDays.get(entry.type) ?? { days: new Set(), entries: [] };
    group.days.add(dayPoint);
    group.entries.push(entry.path);
    typeDays.set(entry.type, group);
  }
  await context.tick();
  for (const [type, group] of [...typeDays].sort(([a], [b]) => a.localeCompare(b))) {
    splits.push({ key: `emotional/mood/entry-type/${type}`, phrase: `you log ${type} entries`, inside: [...group.days], extraEvidence: group.entries });
  }
  const problemDays = new Map<string, Set<Mooded>>();
  for (const session of data.sessions) {
    const dayPoint = byDate.get(session.date);
    if (!dayPoint) continue;
    problemDays.set(session.problemPath, (problemDays.get(session.problemPath) ?? new Set()).add(dayPoint));
  }
  await context.tick();
  for (const [path, set] of [...problemDays].sort(([a], [b]) => a.localeCompare(b))) {
    splits.push({
      key: `emotional/mood/problem/${noteName(path).toLowerCase()}`,
      phrase: `you work on ${noteName(path)}`,
      inside: [...set],
      extraEvidence: [path],
    });
  }
  for (const split of splits) {
    const candidate = await splitCandidate(split, days, context);
    if (candidate) found.push(candidate);
    await context.tick();
  }
  return found;
}
