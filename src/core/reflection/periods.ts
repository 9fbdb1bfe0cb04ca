import { eachDayOfInterval, endOfISOWeek, endOfMonth, parse, startOfISOWeek, startOfMonth } from "date-fns";
import { dayOf, type Day } from "../dates/days";

/** The reflections "Open … reflection" and `lifebetter reflect` create. */
export const OPENABLE_PERIODS = ["daily", "weekly", "monthly"] as const;
export type ReflectionPeriod = (typeof OPENABLE_PERIODS)[number];

export function isOpenablePeriod(value: unknown): value is ReflectionPeriod {
  return typeof value === "string" && (OPENABLE_PERIODS as readonly string[]).includes(value);
}

/** Every reflection `period` (docs/data-model.md): the openable ones, one on a problem, and ad-hoc. */
export type AnyReflectionPeriod = ReflectionPeriod | "problem" | "adhoc";

/** The local calendar days a reflection covers, whatever its period. */
export interface ReflectionRange {
  period: AnyReflectionPeriod;
  /** The reflection's own day. */
  day: Day;
  start: Day;
  end: Day;
}

/** The local calendar days a reflection covers. Weeks run Monday to Sunday (ISO weeks). */
export interface PeriodRange extends ReflectionRange {
  period: ReflectionPeriod;
  /** The day asked for. */
  day: Day;
  start: Day;
  end: Day;
}

/** Local midnight of a `YYYY-MM-DD` day (never UTC: a day is the user's calendar day). */
export function localDate(day: Day): Date {
  return parse(day, "yyyy-MM-dd", new Date(2000, 0, 1));
}

export function periodRange(period: ReflectionPeriod, day: Day): PeriodRange {
  const date = localDate(day);
  switch (period) {
    case "daily":
      return { period, day, start: day, end: day };
    case "weekly":
      return { period, day, start: dayOf(startOfISOWeek(date)), end: dayOf(endOfISOWeek(date)) };
    case "monthly":
      return { period, day, start: dayOf(startOfMonth(date)), end: dayOf(endOfMonth(date)) };
  }
}

/** Every day of the range, in order. */
export function daysIn(range: Pick<PeriodRange, "start" | "end">): Day[] {
  return eachDayOfInterval({ start: localDate(range.start), end: localDate(range.end) }).map(dayOf);
}

export function inRange(day: Day, range: Pick<PeriodRange, "start" | "end">): boolean {
  return day >= range.start && day <= range.end;
}
