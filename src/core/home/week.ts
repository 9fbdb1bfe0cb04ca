import { parseISO } from "date-fns";
import { mean } from "simple-statistics";
import { skillOutcomes } from "../patterns/detectors/problem-solving";
import type { PatternData } from "../patterns/pattern-data";
import { numberProperty, textProperty } from "../schema/property-readers";
import { dailyReflections } from "../reflection/dailies";
import { inRange, periodRange, type PeriodRange } from "../reflection/periods";
import { addDaysTo, dayOf, type Day } from "../dates/days";
import { reviewedDays } from "../review/skill-state";
import { isIsoDate, isIsoDateTime } from "../schema/values";
import type { VaultRecord } from "../vault/records";

/** How a meta-skill did in a week: attempts that used it with a known outcome, and how many succeeded. */
export interface SkillWeek {
  path: string;
  name: string;
  uses: number;
  worked: number;
}

/** One Monday-to-Sunday week (the reflections' weeks), summed up from the records. */
export interface WeekSummary {
  /** Monday. */
  start: Day;
  /** Sunday. */
  end: Day;
  /** Minutes of the work sessions that started in the week (the `## Sessions` rows of every problem). */
  focusMinutes: number;
  sessions: number;
  /**
   * Minutes of the week's sessions by their activity type (coding, meeting, … or a custom one), most
   * time first; sessions without a type (free text, tables written before types) are not in it.
   */
  minutesByActivity: Record<string, number>;
  /** Days with a work session, an entry, a daily reflection or a skill review. */
  activeDays: number;
  /** Entries captured in the week, by type. */
  entriesByType: Record<string, number>;
  /** Averages of the week's daily reflections; null when none holds the value. */
  moodAvg: number | null;
  energyAvg: number | null;
  sleepAvg: number | null;
  /** Mean of time spent ÷ estimate over the problems solved (`completed`) in the week; null when none. */
  estimateAccuracy: number | null;
  /** How many solved problems the accuracy rests on. */
  estimatedProblems: number;
  /** Meta-skills used in the week's attempts, most used first. */
  metaSkills: SkillWeek[];
}

/** The local day of a date or date-time property. */
function dayProperty(properties: Record<string, unknown>, name: string): Day | null {
  const value = textProperty(properties, name);
  if (value && isIsoDate(value)) return value;
  if (value && isIsoDateTime(value)) return dayOf(parseISO(value));
  return null;
}

function activeDays(records: readonly VaultRecord[], data: PatternData, range: PeriodRange): number {
  const days = new Set<Day>();
  const add = (day: Day | null | undefined) => {
    if (day && inRange(day, range)) days.add(day);
  };
  data.sessions.forEach((session) => add(session.date));
  data.entries.forEach((entry) => add(entry.date));
  dailyReflections(records).forEach((daily) => add(daily.day));
  for (const record of records) if (record.kind === "meta-skill") reviewedDays(record.properties.reviewed_on).forEach(add);
  return days.size;
}

function estimateAccuracy(records: readonly VaultRecord[], range: PeriodRange): { accuracy: number | null; problems: number } {
  const ratios: number[] = [];
  for (const record of records) {
    const p = record.properties;
    if (record.kind !== "problem" || p.status !== "solved") continue;
    const completed = dayProperty(p, "completed");
    const spent = numberProperty(p, "time_spent");
    const estimate = numberProperty(p, "estimate");
    if (completed === null || !inRange(completed, range) || spent === undefined || estimate === undefined || estimate <= 0) continue;
    ratios.push(spent / estimate);
  }
  return { accuracy: ratios.length === 0 ? null : mean(ratios), problems: ratios.length };
}

function skillsOfWeek(data: PatternData, range: PeriodRange): SkillWeek[] {
  const entries = data.entries.filter((entry) => entry.date !== undefined && inRange(entry.date, range));
  return [...skillOutcomes({ ...data, entries })]
    .map(([path, outcome]) => ({ path, name: data.skills.get(path) ?? path, uses: outcome.uses, worked: outcome.successes }))
    .sort((a, b) => b.uses - a.uses || a.name.localeCompare(b.name));
}

const averageOf = (values: (number | undefined)[]): number | null => {
  const known = values.filter((value): value is number => value !== undefined);
  return known.length === 0 ? null : mean(known);
};

/**
 * The week holding `day`. `data` is the pattern engine's reading of the same records: its session
 * rows and entries (each note's Markdown parsed once) serve both, which a large vault needs.
 */
export function weekSummary(records: readonly VaultRecord[], data: PatternData, day: Day): WeekSummary {
  const range = periodRange("weekly", day);
  const sessions = data.sessions.filter((session) => inRange(session.date, range));
  const entriesByType: Record<string, number> = {};
  for (const entry of data.entries) {
    if (entry.date === undefined || !inRange(entry.date, range)) continue;
    const type = entry.type || "entry";
    entriesByType[type] = (entriesByType[type] ?? 0) + 1;
  }
  const byActivity: Record<string, number> = {};
  for (const session of sessions) if (session.activityType) byActivity[session.activityType] = (byActivity[session.activityType] ?? 0) + session.minutes;
  // The reflections' own reading: a day kept both in its own note and in the daily note counts once.
  const dailies = dailyReflections(records).filter((daily) => inRange(daily.day, range));
  const accuracy = estimateAccuracy(records, range);
  return {
    start: range.start,
    end: range.end,
    focusMinutes: sessions.reduce((sum, session) => sum + session.minutes, 0),
    sessions: sessions.length,
    minutesByActivity: Object.fromEntries(Object.entries(byActivity).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))),
    activeDays: activeDays(records, data, range),
    entriesByType: Object.fromEntries(Object.entries(entriesByType).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))),
    moodAvg: averageOf(dailies.map((daily) => daily.mood)),
    energyAvg: averageOf(dailies.map((daily) => daily.energy)),
    sleepAvg: averageOf(dailies.map((daily) => daily.sleepHours)),
    estimateAccuracy: accuracy.accuracy,
    estimatedProblems: accuracy.problems,
    metaSkills: skillsOfWeek(data, range),
  };
}

/** The Monday a week before the week of `day`. */
export function previousWeekDay(day: Day): Day {
  return addDaysTo(periodRange("weekly", day).start, -7);
}
