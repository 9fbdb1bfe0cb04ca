import { parseISO } from "date-fns";
import { mean } from "simple-statistics";
import { skillOutcomes } from "../patterns/detectors/problem-solving";
import type { PatternData } from "../patterns/pattern-data";
import { numberProperty, textProperty } from "../problems/property-readers";
import { parseSessions } from "../problems/sessions-table";
import { periodContext, recordDay } from "../reflection/context";
import { periodDigest } from "../reflection/digest";
import { inRange, periodRange, type PeriodRange } from "../reflection/periods";
import { addDaysTo, dayOf, type Day } from "../review/days";
import { reviewedDays } from "../review/skill-state";
import { isIsoDate, isIsoDateTime } from "../schema/values";
import type { LifeBetterSettings } from "../settings";
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

function activeDays(records: readonly VaultRecord[], range: PeriodRange): number {
  const days = new Set<Day>();
  const add = (day: Day | null) => {
    if (day !== null && inRange(day, range)) days.add(day);
  };
  for (const record of records) {
    const p = record.properties;
    if (record.kind === "problem") for (const row of parseSessions(record.body).rows) add(dayOf(row.startTime));
    else if (record.kind === "entry") add(recordDay(p));
    else if (record.kind === "reflection" && p.period === "daily") add(dayProperty(p, "date"));
    else if (record.kind === "meta-skill") reviewedDays(p.reviewed_on).forEach(add);
  }
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

/** The week holding `day`. `data` is the pattern engine's reading of the same records (for skill outcomes). */
export function weekSummary(records: readonly VaultRecord[], data: PatternData, settings: LifeBetterSettings, day: Day): WeekSummary {
  const range = periodRange("weekly", day);
  const context = periodContext(records, settings, range);
  const digest = periodDigest(records, settings, range);
  const accuracy = estimateAccuracy(records, range);
  return {
    start: range.start,
    end: range.end,
    focusMinutes: context.problems.reduce((sum, problem) => sum + problem.minutes, 0),
    sessions: context.problems.reduce((sum, problem) => sum + problem.sessions, 0),
    activeDays: activeDays(records, range),
    entriesByType: Object.fromEntries(context.entriesByType.map((group) => [group.type, group.entries.length])),
    moodAvg: digest.mood.average,
    energyAvg: digest.energy.average,
    sleepAvg: digest.sleep.average,
    estimateAccuracy: accuracy.accuracy,
    estimatedProblems: accuracy.problems,
    metaSkills: skillsOfWeek(data, range),
  };
}

/** The Monday a week before the week of `day`. */
export function previousWeekDay(day: Day): Day {
  return addDaysTo(periodRange("weekly", day).start, -7);
}
