import { linearRegression, mean } from "simple-statistics";
import type { Day } from "../dates/days";
import type { LifeBetterSettings } from "../settings";
import type { VaultRecord } from "../vault/records";
import { timePerProblem, type ProblemTime } from "./context";
import { dailyReflections, type DailyReflection } from "./dailies";
import { habitSummaries, type HabitSummary } from "./habits";
import { daysIn, inRange, localDate, type PeriodRange } from "./periods";
import { differenceInCalendarDays } from "date-fns";

/** One measure over the period's dailies. */
export interface Trend {
  points: { day: Day; value: number }[];
  average: number | null;
  /** Change per day from a least-squares line; null with fewer than two days. */
  perDay: number | null;
  direction: "up" | "down" | "flat" | null;
}

/** A week's or month's digest of its daily reflections. */
export interface PeriodDigest {
  days: number;
  /** Days with a daily reflection. */
  reflected: number;
  mood: Trend;
  energy: Trend;
  stress: Trend;
  sleep: Trend;
  wins: { day: Day; text: string; path: string }[];
  timePerProblem: ProblemTime[];
  habits: HabitSummary[];
}

/** Below this change per day, a trend reads as flat (a tenth of a point over ten days). */
const FLAT = 0.01;

export function trendOf(dailies: readonly DailyReflection[], read: (daily: DailyReflection) => number | undefined, start: Day): Trend {
  const points = dailies.flatMap((daily) => {
    const value = read(daily);
    return value === undefined ? [] : [{ day: daily.day, value }];
  });
  if (points.length === 0) return { points, average: null, perDay: null, direction: null };
  const average = mean(points.map((point) => point.value));
  if (points.length < 2) return { points, average, perDay: null, direction: null };
  const origin = localDate(start);
  const { m } = linearRegression(points.map((point) => [differenceInCalendarDays(localDate(point.day), origin), point.value]));
  return { points, average, perDay: m, direction: m > FLAT ? "up" : m < -FLAT ? "down" : "flat" };
}

export function periodDigest(records: readonly VaultRecord[], settings: LifeBetterSettings, range: Pick<PeriodRange, "start" | "end">): PeriodDigest {
  const all = dailyReflections(records);
  const dailies = all.filter((daily) => inRange(daily.day, range));
  return {
    days: daysIn(range).length,
    reflected: dailies.length,
    mood: trendOf(dailies, (d) => d.mood, range.start),
    energy: trendOf(dailies, (d) => d.energy, range.start),
    stress: trendOf(dailies, (d) => d.stress, range.start),
    sleep: trendOf(dailies, (d) => d.sleepHours, range.start),
    wins: dailies.flatMap((daily) => daily.wins.map((text) => ({ day: daily.day, text, path: daily.path }))),
    timePerProblem: timePerProblem(records, range),
    // Streaks run across the period's start, so they are counted on every daily, not only these.
    habits: habitSummaries(all, settings.habits, range),
  };
}
