import { asDay } from "../dates/days";
import type { LifeBetterSettings } from "../settings";
import type { VaultRecord } from "../vault/records";
import { numberProperty } from "../schema/property-readers";
import { planAnswerSync, type PromptSync } from "./answers";
import { periodContext, type PeriodContext } from "./context";
import { dailyReflections } from "./dailies";
import { periodDigest, type PeriodDigest } from "./digest";
import { currentStreak, habitDays } from "./habits";
import { isOpenablePeriod, periodRange, type ReflectionRange } from "./periods";

export interface HabitCheck {
  name: string;
  targetPerWeek: number;
  done: boolean;
  /** Consecutive days up to this one. */
  streak: number;
}

/** Everything the reflection panel shows for one reflection note. */
export interface ReflectionModel {
  path: string;
  range: ReflectionRange;
  values: { mood?: number; energy?: number; stress?: number; sleepHours?: number };
  /** Daily only: the habits of the settings, ticked or not, with their streaks. */
  habits: HabitCheck[];
  /** Prompts whose heading is missing or whose property cannot be read. */
  attention: PromptSync[];
  context: PeriodContext;
  /** Weekly and monthly: the digest of the period's dailies. */
  digest?: PeriodDigest;
}

/**
 * The days a reflection note covers, from its own properties: its calendar period for a daily, weekly
 * or monthly one; otherwise `period_start` to `period_end` (a problem reflection: the problem's life
 * up to the reflection), or its `date` alone (an ad-hoc one). Null when it names no day.
 */
export function reflectionRange(properties: Record<string, unknown>): ReflectionRange | null {
  const period = properties.period;
  const day = asDay(properties.date) ?? asDay(properties.period_start);
  if (day === null) return null;
  if (isOpenablePeriod(period)) return periodRange(period, day);
  if (period !== "problem" && period !== "adhoc") return null;
  const start = asDay(properties.period_start) ?? day;
  const end = asDay(properties.period_end) ?? day;
  return start <= end ? { period, day, start, end } : null;
}

export function reflectionModel(
  note: { path: string; properties: Record<string, unknown>; body: string },
  range: ReflectionRange,
  records: readonly VaultRecord[],
  settings: LifeBetterSettings,
): ReflectionModel {
  const p = note.properties;
  const ticked = new Set((Array.isArray(p.habits) ? p.habits : []).filter((h): h is string => typeof h === "string").map((h) => h.trim().toLowerCase()));
  const dailies = dailyReflections(records);
  const habits =
    range.period === "daily"
      ? settings.habits.map((habit) => {
          const days = habitDays(dailies, habit.name);
          const done = ticked.has(habit.name.toLowerCase());
          if (done) days.add(range.start);
          else days.delete(range.start);
          return { name: habit.name, targetPerWeek: habit.targetPerWeek, done, streak: currentStreak(days, range.start) };
        })
      : [];
  const plan = planAnswerSync(note.body, p, settings.reflectionPrompts);
  return {
    path: note.path,
    range,
    values: {
      mood: numberProperty(p, "mood"),
      energy: numberProperty(p, "energy"),
      stress: numberProperty(p, "stress"),
      sleepHours: numberProperty(p, "sleep_hours"),
    },
    habits,
    attention: plan.prompts.filter(
      (outcome) => outcome.state === "heading-missing" || outcome.state === "unreadable-property" || outcome.state === "schema-property",
    ),
    context: periodContext(records, settings, range),
    digest: range.period === "weekly" || range.period === "monthly" ? periodDigest(records, settings, range) : undefined,
  };
}
