import { addDays, format } from "date-fns";
import type { DayPoint, EntryPoint, PatternData, ProblemPoint, SessionPoint } from "../../src/core/patterns/pattern-data";
import type { PatternCandidate } from "../../src/core/patterns/pattern-types";
import { seededRandom } from "./seeded-random";

/**
 * A simulator of personal vaults for calibrating and checking the pattern engine's confidence. Each
 * simulated vault is the engine's input (PatternData) for one person: 30–365 days, some of them
 * without a reflection, work sessions, attempts spread unevenly over 3–6 meta-skills, solved
 * problems, blockers and questions, and a few other entries. Each family of effect the engine looks
 * for is planted at a random size — none, small, medium or large — or (a null vault) not at all,
 * and `isReal` says whether a candidate describes a planted effect in the direction it states.
 *
 * Real means: an effect in the stated direction at least as large as the smallest one counted here
 * (REAL_D standard deviations for means, REAL_RATE for success rates, half its evidence from a
 * planted theme), so a confidence of 0.8 reads "8 in 10 such findings are real effects".
 */
export type Size = "none" | "small" | "medium" | "large";
const SIZES: readonly Size[] = ["none", "none", "small", "medium", "large"];

/** Standardised differences (Cohen's d) and correlations by size. */
const D: Record<Size, number> = { none: 0, small: 0.2, medium: 0.5, large: 0.8 };
const R: Record<Size, number> = { none: 0, small: 0.1, medium: 0.3, large: 0.5 };
/** Success-rate shifts and habit drop-offs by size. */
const RATE: Record<Size, number> = { none: 0, small: 0.1, medium: 0.2, large: 0.35 };
/** Members of a planted theme by size. */
const THEME: Record<Size, number> = { none: 0, small: 3, medium: 6, large: 10 };
/** Standard deviation of skills' own success rates around the baseline, in vaults with effects. */
const SKILL_SPREAD = 0.08;
/** The smallest effects that count as real. */
const REAL_D = 0.1;
const REAL_RATE = 0.05;

export interface SimulatedVault {
  data: PatternData;
  /** The planted size of each family (for reports). */
  sizes: Record<string, Size>;
  /** Whether a candidate describes a planted effect in its stated direction; undefined for facts. */
  isReal(candidate: PatternCandidate): boolean | undefined;
}

const HOURS = [7, 8, 9, 10, 11, 13, 14, 15, 16, 17, 19, 20, 21, 22];
const THEME_WORDS = {
  blocker: ["deploy", "pipeline", "staging", "rollback", "release", "migration", "server"],
  question: ["budget", "savings", "invest", "pension", "retire", "mortgage", "interest"],
};

/** Pseudo-words for filler text: a vocabulary of a few hundred, so chance overlaps happen as in real notes. */
function vocabulary(random: () => number): string[] {
  const syllables = ["ka", "lo", "mi", "ren", "to", "sa", "vel", "dor", "pi", "nu", "ga", "ber", "fi", "zan", "qu", "hal", "mor", "tes", "wi", "on"];
  const words = new Set<string>();
  while (words.size < 400) words.add(Array.from({ length: 2 + Math.floor(random() * 2) }, () => syllables[Math.floor(random() * syllables.length)]).join(""));
  return [...words];
}

function gaussian(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

const clamp = (value: number, low: number, high: number): number => Math.min(high, Math.max(low, Math.round(value)));
const sign = (value: number): number => (value > 0 ? 1 : value < 0 ? -1 : 0);

/** A vault with random sizes (`null`: every effect none). */
export function simulateVault(seed: number, mode: "random" | "null" = "random"): SimulatedVault {
  const random = seededRandom(seed);
  const between = (low: number, high: number): number => low + random() * (high - low);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const size = (): Size => (mode === "null" ? "none" : pick(SIZES));
  const signed = (): number => (random() < 0.5 ? -1 : 1);
  const sizes: Record<string, Size> = {
    sleep: size(),
    exercise: size(),
    meditate: size(),
    focus: size(),
    skill: size(),
    time: size(),
    blockers: size(),
    questions: size(),
    otherSkill: size(),
  };
  const words = vocabulary(random);
  const filler = (count: number): string => Array.from({ length: count }, () => pick(words)).join(" ");

  const dayCount = Math.floor(between(30, 366));
  const start = new Date(2026, 0, 1);
  const now = addDays(start, dayCount);
  const missing = between(0, 0.5);
  const sleepR = R[sizes.sleep!] * signed();
  const exerciseD = D[sizes.exercise!] * signed();
  const exerciseRate = between(0.25, 0.7);
  const meditateBefore = between(0.45, 0.9);
  const meditateDrop = RATE[sizes.meditate!] * 1.5;
  const recentFrom = Math.floor(dayCount * (2 / 3));
  const days: DayPoint[] = [];
  for (let i = 0; i < dayCount; i++) {
    if (random() < missing) continue;
    const date = format(addDays(start, i), "yyyy-MM-dd");
    const sleepZ = gaussian(random);
    const exercise = random() < exerciseRate;
    const meditate = random() < (i >= recentFrom ? Math.max(0.02, meditateBefore - meditateDrop) : meditateBefore);
    const moodZ = sleepR * sleepZ + Math.sqrt(1 - sleepR * sleepR) * gaussian(random) + (exercise ? exerciseD : 0);
    days.push({
      path: `Reflections/${date}.md`,
      date,
      mood: clamp(6 + 1.6 * moodZ, 1, 10),
      energy: clamp(between(3, 8), 1, 10),
      stress: clamp(between(2, 8), 1, 10),
      sleep: random() < 0.9 ? Math.round((7 + sleepZ) * 2) / 2 : undefined,
      habits: [exercise && "Exercise", meditate && "Meditate", random() < 0.5 && "Read"].filter((h): h is string => typeof h === "string"),
    });
  }
  const presentDays = days.length > 0 ? days : [{ path: "Reflections/none.md", date: format(start, "yyyy-MM-dd"), habits: [] }];

  // Sessions: focus higher (or lower) in the morning by focusD standard deviations.
  const focusD = D[sizes.focus!] * signed();
  const problems = Array.from({ length: 2 + Math.floor(random() * 5) }, (_, i) => `Problems/Work ${i + 1}.md`);
  const hourWeights = HOURS.map(() => random() + 0.2);
  const pickHour = (): number => {
    let r = random() * hourWeights.reduce((a, b) => a + b, 0);
    for (let i = 0; i < HOURS.length; i++) if ((r -= hourWeights[i]!) <= 0) return HOURS[i]!;
    return HOURS[HOURS.length - 1]!;
  };
  const sessions: SessionPoint[] = Array.from({ length: Math.floor(dayCount * between(0.2, 1.2)) }, () => {
    const hour = pickHour();
    const when = addDays(start, Math.floor(random() * dayCount));
    const morning = hour >= 5 && hour < 12;
    return {
      problemPath: pick(problems),
      date: format(when, "yyyy-MM-dd"),
      hour,
      weekday: when.getDay(),
      minutes: 45,
      focus: clamp(5.5 + 1.6 * (gaussian(random) + (morning ? focusD : 0)), 1, 10),
      energy: clamp(between(3, 8), 1, 10),
    };
  });
  const morningShare = sessions.filter((s) => s.hour < 12).length / Math.max(1, sessions.length);

  // Meta-skills, used unevenly; one of them succeeds more (or less) often than the rest, and another
  // (when there is one to spare) the other way: a skill that works next to one that mostly fails.
  const skillCount = 3 + Math.floor(random() * 4);
  const skills = new Map(Array.from({ length: skillCount }, (_, i) => [`Meta-skills/Skill ${i + 1}.md`, `Skill ${i + 1}`]));
  const skillPaths = [...skills.keys()];
  const weights = skillPaths.map(() => random() ** 2 + 0.05);
  const pickSkill = (): string => {
    let r = random() * weights.reduce((a, b) => a + b, 0);
    for (let i = 0; i < skillPaths.length; i++) if ((r -= weights[i]!) <= 0) return skillPaths[i]!;
    return skillPaths[skillPaths.length - 1]!;
  };
  const baseRate = between(0.3, 0.65);
  const rated = pick(skillPaths);
  const ratedSign = signed();
  const opposite = pick(skillPaths.filter((path) => path !== rated));
  // Outside a null vault no two skills work exactly as well: each has its own rate around the
  // person's baseline (a spread of SKILL_SPREAD), before the planted shifts.
  const own = new Map(skillPaths.map((path) => [path, mode === "null" ? 0 : gaussian(random) * SKILL_SPREAD]));
  const shifted = (path: string, shift: number): number => Math.min(0.95, Math.max(0.05, baseRate + own.get(path)! + shift));
  const rates = new Map(
    skillPaths.map((path) => [
      path,
      shifted(path, path === rated ? RATE[sizes.skill!] * ratedSign : path === opposite ? -RATE[sizes.otherSkill!] * ratedSign : 0),
    ]),
  );
  const entries: EntryPoint[] = [];
  const entryDay = (): string => pick(presentDays).date;
  const attemptCount = Math.floor(between(10, 150));
  for (let i = 0; i < attemptCount; i++) {
    const skill = pickSkill();
    entries.push({
      path: `Entries/attempt ${i}.md`,
      type: "attempt",
      date: entryDay(),
      text: filler(5),
      outcome: random() < rates.get(skill)! ? "success" : "failed",
      skills: [skill],
    });
  }

  // Solved problems: those solved with one skill took less (or more) time.
  const timeD = D[sizes.time!] * signed();
  const timed = pick(skillPaths);
  const solvedCount = Math.floor(between(6, 60));
  const solved: ProblemPoint[] = Array.from({ length: solvedCount }, (_, i) => {
    const skill = pickSkill();
    const hours = Math.max(0.2, 5 + 1.5 * (gaussian(random) + (skill === timed ? timeD : 0)));
    return {
      path: `Problems/Solved ${i}.md`,
      title: `Solved ${i}`,
      status: "solved",
      isGoal: false,
      timeSpent: Math.round(hours * 60),
      openBlockers: 0,
      milestones: { done: 0, total: 0 },
      milestoneTasks: [],
      overdueMilestones: [],
      stale: false,
      skills: [skill],
    };
  });

  // Blockers and questions, with a planted theme written in varied words.
  const planted = new Set<string>();
  for (const type of ["blocker", "question"] as const) {
    const themeSize = THEME[sizes[type === "blocker" ? "blockers" : "questions"]!];
    const count = Math.floor(between(5, 60));
    for (let i = 0; i < count + themeSize; i++) {
      const path = `Entries/${type} ${i}.md`;
      const inTheme = i < themeSize;
      const text = inTheme
        ? `${[...THEME_WORDS[type]]
            .sort(() => random() - 0.5)
            .slice(0, 3)
            .join(" ")} ${filler(3)}`
        : filler(6);
      if (inTheme) planted.add(path);
      entries.push({ path, type, date: entryDay(), text, skills: [] });
    }
  }
  for (let i = 0; i < Math.floor(between(20, 200)); i++)
    entries.push({ path: `Entries/note ${i}.md`, type: pick(["insight", "reading", "emotion"]), date: entryDay(), text: filler(6), skills: [] });

  const data: PatternData = { now, sessions, days, entries, problems: solved, skills, reviews: new Map(), habitTargets: [], notes: [] };

  /** The true difference of a skill's rate (or time) from the usage-weighted rest. */
  const weightedRest = (skill: string, value: (path: string) => number): number => {
    let total = 0;
    let weight = 0;
    for (const [i, path] of skillPaths.entries()) {
      if (path === skill) continue;
      total += weights[i]! * value(path);
      weight += weights[i]!;
    }
    return value(skill) - total / weight;
  };
  const isReal = (candidate: PatternCandidate): boolean | undefined => {
    if (candidate.fact) return undefined;
    const { key } = candidate;
    const claimed = sign(candidate.test.effect);
    const agrees = (truth: number, least: number): boolean => Math.abs(truth) >= least && sign(truth) === claimed;
    if (key === "emotional/mood/sleep") return agrees(sleepR, 0.05);
    if (key === "emotional/mood/habit/exercise") return agrees(exerciseD, REAL_D);
    if (key === "behavioral/habit/meditate") return agrees(-meditateDrop, REAL_RATE);
    if (key.startsWith("temporal/focus/hour/")) {
      const morning = key.endsWith("/morning");
      return agrees(morning ? focusD : -focusD * (morningShare / Math.max(0.01, 1 - morningShare)), REAL_D);
    }
    if (key.startsWith("problem-solving/skill-success/")) {
      const path = skillPaths.find((p) => key.endsWith(`/${skills.get(p)!.toLowerCase()}`))!;
      return agrees(
        weightedRest(path, (p) => rates.get(p)!),
        REAL_RATE,
      );
    }
    if (key.startsWith("problem-solving/skill-contrast/")) {
      // "skill 2 over skill 5": the first is claimed to succeed more often than the second.
      const [better, worse] = key
        .slice("problem-solving/skill-contrast/".length)
        .split(" over ")
        .map((name) => skillPaths.find((p) => skills.get(p)!.toLowerCase() === name)!);
      return rates.get(better!)! - rates.get(worse!)! >= REAL_RATE;
    }
    if (key.startsWith("problem-solving/time-to-solution/")) {
      const path = skillPaths.find((p) => key.endsWith(`/${skills.get(p)!.toLowerCase()}`))!;
      return agrees(
        weightedRest(path, (p) => (p === timed ? timeD : 0)),
        REAL_D,
      );
    }
    if (key.startsWith("behavioral/blockers/") || key.startsWith("thinking/questions/")) {
      return candidate.evidence.filter((path) => planted.has(path)).length * 2 >= candidate.evidence.length;
    }
    return false;
  };
  return { data, sizes, isReal };
}
