import { addDaysTo, type Day } from "../dates/days";
import type { Habit } from "../settings";
import type { DailyReflection } from "./dailies";
import { daysIn, inRange, type PeriodRange } from "./periods";

/** How a habit went over a period, derived from the daily reflections' `habits` lists. */
export interface HabitSummary {
  name: string;
  targetPerWeek: number;
  /** Days in the period the habit was ticked. */
  done: number;
  /** The target for the period: targetPerWeek × its length in weeks, rounded up. */
  target: number;
  /** done ÷ target, capped at 1. */
  completion: number;
  /** Consecutive days ticked up to the period's end (or up to yesterday while that day is not ticked yet). */
  streak: number;
  /** The longest run of consecutive ticked days within the period. */
  bestStreak: number;
}

/** The days a habit was ticked (names compared without case or surrounding spaces). */
export function habitDays(dailies: readonly DailyReflection[], habit: string): Set<Day> {
  const wanted = habit.trim().toLowerCase();
  return new Set(dailies.filter((daily) => daily.habits.some((name) => name.trim().toLowerCase() === wanted)).map((daily) => daily.day));
}

/** Consecutive ticked days ending at `asOf`; a day not ticked yet does not break yesterday's streak. */
export function currentStreak(done: ReadonlySet<Day>, asOf: Day): number {
  let day = done.has(asOf) ? asOf : addDaysTo(asOf, -1);
  let streak = 0;
  while (done.has(day)) {
    streak++;
    day = addDaysTo(day, -1);
  }
  return streak;
}

export function habitSummaries(dailies: readonly DailyReflection[], habits: readonly Habit[], range: Pick<PeriodRange, "start" | "end">): HabitSummary[] {
  const days = daysIn(range);
  return habits.map((habit) => {
    const done = habitDays(dailies, habit.name);
    let run = 0;
    let bestStreak = 0;
    for (const day of days) {
      run = done.has(day) ? run + 1 : 0;
      bestStreak = Math.max(bestStreak, run);
    }
    const count = [...done].filter((day) => inRange(day, range)).length;
    const target = Math.ceil((habit.targetPerWeek * days.length) / 7);
    return {
      name: habit.name,
      targetPerWeek: habit.targetPerWeek,
      done: count,
      target,
      completion: target === 0 ? 1 : Math.min(1, count / target),
      streak: currentStreak(done, range.end),
      bestStreak,
    };
  });
}
