import { differenceTest } from "../statistics";
import { unique, type DetectContext } from "../detect-context";
import { habitCalendarChart, timePerProblemChart } from "../charts";
import { entryTypeThemes } from "./entry-themes";
import type { PatternCandidate } from "../pattern-types";
import type { PatternData } from "../pattern-data";

/** Blockers about one topic must fall on at least this many different days to "keep coming back". */
const MIN_BLOCKER_DAYS = 3;
/** Stale open problems needed before "problems stall" is worth saying. */
const MIN_STALE = 2;
/** The recent part of a habit's record: its last third of days. */
const RECENT_SHARE = 1 / 3;

async function recurringBlockers(data: PatternData, context: DetectContext): Promise<PatternCandidate[]> {
  return (await entryTypeThemes(data, context, "blocker", "blockers"))
    .filter(({ topic }) => new Set(topic.members.map((e) => e.date)).size >= MIN_BLOCKER_DAYS)
    .map(({ topic, total, fields }) => ({
      key: `behavioral/blockers/${topic.id}`,
      name: `Blockers about ${topic.label} keep coming back`,
      description: `${topic.members.length} of your ${total} blockers are about ${topic.label}, on ${new Set(topic.members.map((e) => e.date)).size} different days.`,
      pattern_type: "behavioral",
      positive: false,
      suggestion: `Fix the cause of these blockers once, or write down how you get past them.`,
      ...fields,
    }));
}

function staleProblems(data: PatternData): PatternCandidate[] {
  const open = data.problems.filter((p) => p.status === "active" || p.status === "blocked");
  const stale = open.filter((p) => p.stale);
  if (stale.length < MIN_STALE) return [];
  return [
    {
      key: "behavioral/stale-problems",
      name: `${stale.length} open problems have gone stale`,
      description: `${stale.length} of your ${open.length} open problems have not been worked on for ${Math.min(...stale.map((p) => p.daysSinceWorked ?? 0))} days or more: ${stale.map((p) => p.title).join(", ")}.`,
      pattern_type: "behavioral",
      positive: false,
      compared: `${stale.length} of your ${open.length} open problems have not been worked on lately`,
      evidence: unique(stale.map((p) => p.path)),
      suggestion: "Pick one to work on this week, and mark the ones you will not pursue as abandoned.",
      chart: timePerProblemChart(data.problems, new Set(open.map((p) => p.path))),
      // A fact, not an inference: its effect is the stale share of open problems.
      test: {
        p: 0,
        effect: stale.length / open.length,
        large: 0.5,
        n: stale.length,
        interval: [stale.length / open.length, stale.length / open.length],
        unit: "share",
      },
      fact: true,
    },
  ];
}

/** A habit done less (or more) often lately than before: its last third of days against the rest. */
async function skippedHabits(data: PatternData, context: DetectContext): Promise<PatternCandidate[]> {
  const found: PatternCandidate[] = [];
  const habits = unique(data.days.flatMap((d) => d.habits));
  if (habits.length === 0) return found;
  const cut = Math.floor(data.days.length * (1 - RECENT_SHARE));
  const earlier = data.days.slice(0, cut);
  const recent = data.days.slice(cut);
  for (const habit of habits) {
    const key = `behavioral/habit/${habit.toLowerCase()}`;
    const done = (days: typeof recent) => days.map((d) => (d.habits.includes(habit) ? 1 : 0));
    const test = await differenceTest(done(recent), done(earlier), context.seed(key), context.tick);
    if (!test) continue;
    context.counted();
    const skipping = test.effect < 0;
    const recentCount = recent.filter((d) => d.habits.includes(habit)).length;
    const earlierCount = earlier.filter((d) => d.habits.includes(habit)).length;
    found.push({
      key,
      name: skipping ? `You have been skipping ${habit} lately` : `You keep up ${habit} more than before`,
      description: `${habit} was done on ${recentCount} of the last ${recent.length} days with a reflection, against ${earlierCount} of the ${earlier.length} before.`,
      pattern_type: "behavioral",
      positive: !skipping,
      compared: `the days you did ${habit} in your last ${recent.length} daily reflections against the ${earlier.length} before`,
      evidence: unique(recent.filter((d) => skipping !== d.habits.includes(habit)).map((d) => d.path)),
      suggestion: skipping ? `Make ${habit} smaller so it fits the days you skip it.` : `Whatever changed for ${habit}, keep it.`,
      chart: habitCalendarChart(data.days, habit),
      test,
    });
  }
  return found;
}

/** Behavioral: recurring blockers, stale problems, skipped habits. */
export async function detectBehavioral(data: PatternData, context: DetectContext): Promise<PatternCandidate[]> {
  return [...(await recurringBlockers(data, context)), ...staleProblems(data), ...(await skippedHabits(data, context))];
}
