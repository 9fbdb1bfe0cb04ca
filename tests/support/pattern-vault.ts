import { addDays, formatISO } from "date-fns";
import { composeNote } from "../../src/core/codec/frontmatter";
import { isoDate } from "../../src/core/dates/timestamps";
import { seededRandom } from "./seeded-random";

/**
 * Generated vaults for the pattern engine: three months of daily reflections, work sessions,
 * attempts with meta-skills, solved problems, blockers and questions, with PLANTED effects, or
 * (`shuffled`) their twin: the very same values, shuffled across notes so every effect is gone.
 *
 * Planted (what the engine must find, and on which notes):
 * - focus is higher in morning sessions (8 vs 5);
 * - mood rises with sleep, and is higher on days with the habit "Exercise";
 * - "Meditate" is done on most days, then skipped in the last third;
 * - "Rubber duck" succeeds in 90% of attempts, other skills in 40%;
 * - with a person's real sample sizes: "Sleep on it" worked in 11 of its 12 attempts, "Brute force"
 *   in 1 of its 12;
 * - problems solved with "Divide and conquer" took ~2 h, the others ~8 h;
 * - eight blockers about flaky tests in CI; ten questions about syncing notes between devices;
 * - two open problems untouched for 40 days (a fact, the same in the twin).
 */
export interface PatternVault {
  files: Record<string, string>;
  now: Date;
  /** What was planted, for the tests' assertions. */
  planted: {
    sleepDays: { path: string; sleep: number }[];
    exerciseDays: string[];
    meditateSkippedRecently: string[];
    morningProblems: string[];
    rubberDuck: string[];
    sleepOnIt: string[];
    bruteForce: string[];
    divideSolved: string[];
    flakyBlockers: string[];
    syncQuestions: string[];
    stale: string[];
  };
}

const BASE_DAYS = 90;
const START = new Date(2026, 7, 1);
const SKILLS = ["Rubber duck", "Divide and conquer", "Timeboxing", "Ask for help", "Write it down"];
/** Skills tried about ten times each, with their planted outcomes (successes out of attempts). */
const SMALL_SAMPLE_SKILLS = [
  { skill: "Sleep on it", successes: 11, attempts: 12, planted: "sleepOnIt" },
  { skill: "Brute force", successes: 1, attempts: 12, planted: "bruteForce" },
] as const;

/** What a test may change: how many days (default 90) and the small-sample skills' records. */
export interface PatternVaultOptions {
  days?: number;
  /** Successes of attempts of "Sleep on it" and of "Brute force" (default 11 of 12 and 1 of 12). */
  sleepOnIt?: { successes: number; attempts: number };
  bruteForce?: { successes: number; attempts: number };
  /**
   * Every other skill's record (Rubber duck and the four ~40% skills), in place of their random
   * attempts: to plant one skill that works better than all the others.
   */
  otherSkills?: { successes: number; attempts: number }[];
}
const SESSION_PROBLEMS = ["Ship v2", "Tax return", "Garden shed", "Learn Rust", "Move house", "Thesis draft"];
const HOURS = [8, 9, 10, 11, 14, 15, 16, 19, 20, 21];
const TOPIC_WORDS = (
  "budget kitchen recipe invoice passport garden roses hiking boots guitar chords piano scales novel chapter poem spanish " +
  "grammar camera lens printer paper bicycle tyre window curtain paint ceiling mortgage insurance dentist appointment " +
  "birthday present holiday flights hotel booking library fines podcast episode marathon training yoga stretches " +
  "compost worms bread dough coffee grinder laptop battery keyboard spreadsheet formulas newsletter draft"
).split(" ");
const FLAKY = [
  "The flaky tests failed again in CI",
  "CI is red because of flaky tests in the integration suite",
  "Flaky tests blocked the merge in CI today",
  "Another CI run lost to flaky tests",
  "Flaky tests in CI timed out on the build server",
  "Waiting on flaky tests: CI failed twice",
  "The same flaky tests broke CI this morning",
  "CI flaky tests again, retried three times",
];
const SYNC = [
  "How do I sync my notes between devices?",
  "Why does sync between my devices duplicate notes?",
  "Which sync service keeps notes safe across devices?",
  "Can notes sync between devices without the cloud?",
  "How should conflicts be handled when devices sync notes?",
  "Does sync between devices work offline for notes?",
  "What breaks when two devices sync the same notes?",
  "How fast do notes sync between my devices?",
  "Is end-to-end encrypted sync possible for notes on all devices?",
  "How do I sync notes between devices with git?",
];

function shuffle<T>(items: T[], random: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

function gaussian(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

const clamp = (value: number, low: number, high: number): number => Math.min(high, Math.max(low, Math.round(value)));

/** `scale` multiplies days, sessions and entries (the benchmark's 10k-entry vault is scale 30). */
export function patternVault(seed: number, shuffled = false, scale = 1, options: PatternVaultOptions = {}): PatternVault {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const topic = (): string => Array.from({ length: 6 }, () => pick(TOPIC_WORDS)).join(" ");
  const files: Record<string, string> = {};
  let counter = 0;
  const uuid = (): string => `00000000-0000-4000-8000-${String(++counter).padStart(12, "0")}`;
  const DAYS = (options.days ?? BASE_DAYS) * scale;
  const now = addDays(START, DAYS);

  // Daily reflections.
  const days = Array.from({ length: DAYS }, (_, i) => {
    const sleep = 4.5 + Math.round(random() * 9) / 2;
    const exercise = random() < 0.5;
    const meditate = random() < (i < (DAYS * 2) / 3 ? 0.85 : 0.15);
    const read = random() < 0.5;
    const mood = clamp(4 + (sleep - 6.5) * 0.9 + (exercise ? 1.5 : 0) + gaussian(random) * 0.9, 1, 10);
    return {
      date: isoDate(addDays(START, i)),
      sleep,
      exercise,
      meditate,
      read,
      mood,
      stress: clamp(2 + random() * 6, 1, 10),
      energy: clamp(3 + random() * 5, 1, 10),
    };
  });
  const moods = shuffled
    ? shuffle(
        days.map((d) => d.mood),
        random,
      )
    : days.map((d) => d.mood);
  const meditates = shuffled
    ? shuffle(
        days.map((d) => d.meditate),
        random,
      )
    : days.map((d) => d.meditate);
  const dayPaths: string[] = [];
  days.forEach((d, i) => {
    const habits = [d.exercise && "Exercise", meditates[i] && "Meditate", d.read && "Read"].filter((h): h is string => typeof h === "string");
    const path = `LifeBetter/Reflections/${d.date}.md`;
    dayPaths.push(path);
    files[path] = composeNote(
      { id: uuid(), kind: "reflection", period: "daily", date: d.date, mood: moods[i], energy: d.energy, stress: d.stress, sleep_hours: d.sleep, habits },
      "## What worked?\n- Something\n",
    );
  });

  // Work sessions: morning sessions are focused.
  const sessions = Array.from({ length: 120 * scale }, () => {
    const hour = pick(HOURS);
    // Larger vaults have more problems rather than longer tables (a table is read whole, in one step).
    const problem = scale > 1 ? `${pick(SESSION_PROBLEMS)} ${1 + Math.floor(random() * scale)}` : pick(SESSION_PROBLEMS);
    return {
      problem,
      day: Math.floor(random() * (DAYS - 1)),
      hour,
      focus: clamp((hour < 12 ? 8 : 5) + gaussian(random) * 1.1, 1, 10),
      energy: clamp(3 + random() * 5, 1, 10),
    };
  });
  const focuses = shuffled
    ? shuffle(
        sessions.map((s) => s.focus),
        random,
      )
    : sessions.map((s) => s.focus);
  const morningProblems = new Set<string>();
  for (const name of [...new Set(sessions.map((s) => s.problem))].sort()) {
    const mine = sessions.map((s, i) => ({ ...s, focus: focuses[i]! })).filter((s) => s.problem === name);
    const seen = new Set<string>();
    const rows = mine
      .filter((s) => !seen.has(`${s.day}-${s.hour}`) && seen.add(`${s.day}-${s.hour}`))
      .map((s) => {
        const start = new Date(START.getFullYear(), START.getMonth(), START.getDate() + s.day, s.hour);
        if (s.hour < 12) morningProblems.add(`LifeBetter/Problems/${name}.md`);
        return `| ${formatISO(start)} | ${formatISO(new Date(start.getTime() + 45 * 60_000))} | 45 | ${s.focus} | ${s.energy} | work | | |`;
      });
    files[`LifeBetter/Problems/${name}.md`] = composeNote(
      { id: uuid(), kind: "problem", status: "active", time_spent: rows.length * 45, last_worked: formatISO(addDays(now, -1)) },
      `About ${name}.\n\n## Sessions\n| start | end | minutes | focus | energy | activity | distractions | outcome |\n| --- | --- | --- | --- | --- | --- | --- | --- |\n${rows.join("\n")}\n`,
    );
  }
  const stale = ["LifeBetter/Problems/Old idea.md", "LifeBetter/Problems/Forgotten plan.md"];
  for (const path of stale) {
    files[path] = composeNote({ id: uuid(), kind: "problem", status: "active", last_worked: isoDate(addDays(now, -40)) }, "Waiting.\n");
  }

  for (const skill of [...SKILLS, ...SMALL_SAMPLE_SKILLS.map((s) => s.skill)])
    files[`LifeBetter/Meta-skills/${skill}.md`] = composeNote({ id: uuid(), kind: "meta-skill" }, "## What it is\nA skill.\n");

  // Entries: texts are planted per type; the twin shuffles every entry text across entries.
  type Draft = { type: string; day: number; extra: Record<string, unknown>; text: string; planted?: "flaky" | "sync" | "duck" | "sleepOnIt" | "bruteForce" };
  const drafts: Draft[] = [];
  const attempts: { skill: string; success: boolean }[] = options.otherSkills
    ? SKILLS.flatMap((skill, s) => {
        const record = options.otherSkills![s % options.otherSkills!.length]!;
        return Array.from({ length: record.attempts }, (_, i) => ({ skill, success: i < record.successes }));
      })
    : Array.from({ length: 100 * scale }, () => {
        const skill = random() < 0.3 ? "Rubber duck" : pick(SKILLS.slice(1));
        return { skill, success: random() < (skill === "Rubber duck" ? 0.9 : 0.4) };
      });
  for (const small of SMALL_SAMPLE_SKILLS) {
    const record = options[small.planted] ?? small;
    for (let i = 0; i < record.attempts; i++) attempts.push({ skill: small.skill, success: i < record.successes });
  }
  const plantedSkill = (skill: string): Draft["planted"] => (skill === "Rubber duck" ? "duck" : SMALL_SAMPLE_SKILLS.find((s) => s.skill === skill)?.planted);
  const outcomes = shuffled
    ? shuffle(
        attempts.map((a) => a.success),
        random,
      )
    : attempts.map((a) => a.success);
  attempts.forEach((a, i) =>
    drafts.push({
      type: "attempt",
      day: Math.floor(random() * DAYS),
      extra: { outcome: outcomes[i] ? "success" : "failed", meta_skills: [`[[${a.skill}]]`] },
      text: topic(),
      planted: plantedSkill(a.skill),
    }),
  );
  FLAKY.forEach((text) => drafts.push({ type: "blocker", day: Math.floor(random() * DAYS), extra: {}, text, planted: "flaky" }));
  for (let i = 0; i < 30 * scale; i++) drafts.push({ type: "blocker", day: Math.floor(random() * DAYS), extra: {}, text: topic() });
  SYNC.forEach((text) => drafts.push({ type: "question", day: Math.floor(random() * DAYS), extra: {}, text, planted: "sync" }));
  for (let i = 0; i < 40 * scale; i++) drafts.push({ type: "question", day: Math.floor(random() * DAYS), extra: {}, text: topic() + "?" });
  for (const type of ["insight", "reading", "emotion", "decision"]) {
    for (let i = 0; i < 40 * scale; i++) drafts.push({ type, day: Math.floor(random() * DAYS), extra: {}, text: topic() });
  }
  const texts = shuffled
    ? shuffle(
        drafts.map((d) => d.text),
        random,
      )
    : drafts.map((d) => d.text);
  const planted = { flaky: [] as string[], sync: [] as string[], duck: [] as string[], sleepOnIt: [] as string[], bruteForce: [] as string[] };
  drafts.forEach((d, i) => {
    const path = `LifeBetter/Entries/${d.type} ${String(i).padStart(5, "0")}.md`;
    const timestamp = formatISO(new Date(START.getFullYear(), START.getMonth(), START.getDate() + d.day, 12));
    files[path] = composeNote({ id: uuid(), kind: "entry", type: d.type, timestamp, ...d.extra }, `${texts[i]}\n`);
    if (d.planted) planted[d.planted].push(path);
  });

  // Solved problems: those that used Divide and conquer were quick.
  const solved = Array.from({ length: 30 }, (_, i) => ({ divide: i % 2 === 0, minutes: Math.round(((i % 2 === 0 ? 2 : 8) + gaussian(random) * 0.8) * 60) }));
  const minutes = shuffled
    ? shuffle(
        solved.map((s) => s.minutes),
        random,
      )
    : solved.map((s) => s.minutes);
  const divideSolved: string[] = [];
  solved.forEach((s, i) => {
    const path = `LifeBetter/Problems/Solved ${i + 1}.md`;
    if (s.divide) divideSolved.push(path);
    files[path] = composeNote(
      {
        id: uuid(),
        kind: "problem",
        status: "solved",
        time_spent: Math.max(10, minutes[i]!),
        completed: isoDate(addDays(START, i * 3)),
        meta_skills: [s.divide ? "[[Divide and conquer]]" : "[[Write it down]]"],
      },
      "Done.\n",
    );
  });

  return {
    files,
    now,
    planted: {
      sleepDays: days.map((d, i) => ({ path: dayPaths[i]!, sleep: d.sleep })),
      exerciseDays: dayPaths.filter((_, i) => days[i]!.exercise),
      meditateSkippedRecently: dayPaths.filter((_, i) => i >= Math.floor(DAYS * (2 / 3)) && !meditates[i]),
      morningProblems: [...morningProblems].sort(),
      rubberDuck: planted.duck,
      sleepOnIt: planted.sleepOnIt,
      bruteForce: planted.bruteForce,
      divideSolved,
      flakyBlockers: planted.flaky,
      syncQuestions: planted.sync,
      stale,
    },
  };
}
