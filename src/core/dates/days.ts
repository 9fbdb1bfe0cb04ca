import { addDays, differenceInCalendarDays, format, parse } from "date-fns";
import { isIsoDate } from "../schema/values";

/**
 * Review scheduling works in whole local days written `YYYY-MM-DD` (the user's calendar, not UTC),
 * so a review done at 23:30 counts for that evening's day.
 */
export type Day = string;

/** The local calendar day of a moment. */
export function dayOf(moment: Date): Day {
  return format(moment, "yyyy-MM-dd");
}

/** A valid `YYYY-MM-DD` property value as a day, or null (missing, wrong type, impossible date). */
export function asDay(value: unknown): Day | null {
  return typeof value === "string" && isIsoDate(value.trim()) ? value.trim() : null;
}

function localMidnight(day: Day): Date {
  return parse(day, "yyyy-MM-dd", new Date(2000, 0, 1));
}

export function addDaysTo(day: Day, days: number): Day {
  return dayOf(addDays(localMidnight(day), days));
}

/** Whole calendar days from `from` to `to` (positive when `to` is later); DST-safe. */
export function daysBetween(from: Day, to: Day): number {
  return differenceInCalendarDays(localMidnight(to), localMidnight(from));
}
