import { addDays, format, parseISO } from "date-fns";
import { mean } from "simple-statistics";
import type { ChartSpec } from "./pattern-types";
import type { DayPoint, ProblemPoint, SessionPoint } from "./pattern-data";

const WEEKDAY_SHORT = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const HABIT_CALENDAR_DAYS = 84;
const MAX_BARS = 12;

const meanOrNull = (values: number[]): number | null => (values.length === 0 ? null : Math.round(mean(values) * 10) / 10);

function bucketMeans<T>(items: readonly T[], buckets: number, bucket: (item: T) => number, value: (item: T) => number | undefined): (number | null)[] {
  const groups: number[][] = Array.from({ length: buckets }, () => []);
  for (const item of items) {
    const v = value(item);
    if (v !== undefined) groups[bucket(item)]!.push(v);
  }
  return groups.map(meanOrNull);
}

/** Average focus (or energy) of the sessions started in each hour of the day. */
export function focusByHourChart(sessions: readonly SessionPoint[], metric: "focus" | "energy" = "focus"): ChartSpec {
  return {
    kind: "bar",
    title: `Session ${metric} by hour of day`,
    labels: Array.from({ length: 24 }, (_, h) => `${String(h).padStart(2, "0")}h`),
    series: [
      {
        label: `Average ${metric}`,
        values: bucketMeans(
          sessions,
          24,
          (s) => s.hour,
          (s) => s[metric],
        ),
      },
    ],
    yLabel: `${metric} (1–10)`,
    max: 10,
  };
}

/**
 * Average focus and distractions of the sessions of each activity type, the most used type first
 * (sessions without a type are left out).
 */
export function byActivityTypeChart(sessions: readonly SessionPoint[]): ChartSpec {
  const groups = new Map<string, SessionPoint[]>();
  for (const session of sessions) if (session.activityType) groups.set(session.activityType, [...(groups.get(session.activityType) ?? []), session]);
  const types = [...groups].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0])).slice(0, MAX_BARS);
  const average = (points: readonly SessionPoint[], value: (s: SessionPoint) => number | undefined): number | null =>
    meanOrNull(points.flatMap((s) => (value(s) === undefined ? [] : [value(s) as number])));
  return {
    kind: "bar",
    title: "Session focus and distractions by activity type",
    labels: types.map(([type, points]) => `${type} (${points.length})`),
    series: [
      { label: "Average focus", values: types.map(([, points]) => average(points, (s) => s.focus)) },
      { label: "Average distractions", values: types.map(([, points]) => average(points, (s) => s.distractions)) },
    ],
    yLabel: "focus (1–10) / distractions",
  };
}

export function byWeekdayChart(sessions: readonly SessionPoint[], metric: "focus" | "energy"): ChartSpec {
  return {
    kind: "bar",
    title: `Session ${metric} by weekday`,
    labels: WEEKDAY_SHORT,
    series: [
      {
        label: `Average ${metric}`,
        values: bucketMeans(
          sessions,
          7,
          (s) => s.weekday,
          (s) => s[metric],
        ),
      },
    ],
    yLabel: `${metric} (1–10)`,
    max: 10,
  };
}

/** Mood, energy and sleep of each daily reflection. */
export function moodOverTimeChart(days: readonly DayPoint[]): ChartSpec {
  return {
    kind: "line",
    title: "Mood, energy and sleep over time",
    labels: days.map((d) => d.date),
    series: [
      { label: "Mood", values: days.map((d) => d.mood ?? null) },
      { label: "Energy", values: days.map((d) => d.energy ?? null) },
      { label: "Sleep (h)", values: days.map((d) => d.sleep ?? null) },
    ],
    yLabel: "1–10 / hours",
  };
}

/** Hours spent on the problems with the most time. */
export function timePerProblemChart(problems: readonly ProblemPoint[], highlight?: ReadonlySet<string>): ChartSpec {
  const top = problems
    .filter((p) => (p.timeSpent ?? 0) > 0 && (!highlight || highlight.has(p.path)))
    .sort((a, b) => (b.timeSpent ?? 0) - (a.timeSpent ?? 0))
    .slice(0, MAX_BARS);
  return {
    kind: "bar",
    title: "Time per problem",
    labels: top.map((p) => p.title),
    series: [{ label: "Hours", values: top.map((p) => Math.round(((p.timeSpent ?? 0) / 60) * 10) / 10) }],
    yLabel: "hours",
  };
}

/** Success rate (%) of each skill with recorded outcomes. */
export function skillSuccessChart(rates: readonly { name: string; successes: number; uses: number }[]): ChartSpec {
  const top = [...rates].sort((a, b) => b.uses - a.uses || a.name.localeCompare(b.name)).slice(0, MAX_BARS);
  return {
    kind: "bar",
    title: "Skill success rates",
    labels: top.map((r) => `${r.name} (${r.uses})`),
    series: [{ label: "Success %", values: top.map((r) => Math.round((r.successes / r.uses) * 100)) }],
    yLabel: "% of outcomes",
    max: 100,
  };
}

/** The last twelve weeks of one habit: done or not on each day with a daily reflection. */
export function habitCalendarChart(days: readonly DayPoint[], habit: string, until?: string): ChartSpec {
  const last = until ?? days[days.length - 1]?.date;
  if (!last) return { kind: "calendar", title: `${habit}: last 12 weeks`, habit, days: [] };
  const done = new Set(days.filter((d) => d.habits.includes(habit)).map((d) => d.date));
  const end = parseISO(last);
  const calendar = Array.from({ length: HABIT_CALENDAR_DAYS }, (_, i) => {
    const date = format(addDays(end, i - HABIT_CALENDAR_DAYS + 1), "yyyy-MM-dd");
    return { date, done: done.has(date) };
  });
  return { kind: "calendar", title: `${habit}: last 12 weeks`, habit, days: calendar };
}

/** A bar per group: "with" against "without". */
export function groupMeansChart(title: string, labels: string[], values: number[], yLabel: string, max?: number): ChartSpec {
  return { kind: "bar", title, labels, series: [{ label: yLabel, values }], yLabel, max };
}

/** How many of the dated items fall in each month. */
export function countsByMonthChart(title: string, dates: readonly (string | undefined)[], label: string): ChartSpec {
  const counts = new Map<string, number>();
  for (const date of dates) if (date) counts.set(date.slice(0, 7), (counts.get(date.slice(0, 7)) ?? 0) + 1);
  const months = [...counts.keys()].sort();
  return { kind: "bar", title, labels: months, series: [{ label, values: months.map((m) => counts.get(m) ?? 0) }], yLabel: label };
}
