import { listProperty, ruleNumberProperty } from "../schema/property-readers";
import { SCALE_1_TO_10, SLEEP_HOURS } from "../schema/values";
import { asDay, type Day } from "../dates/days";
import type { VaultRecord } from "../vault/records";

/** A daily reflection's numbers and lists, read tolerantly (a wrong type reads as "not set"). */
export interface DailyReflection {
  day: Day;
  path: string;
  mood?: number;
  energy?: number;
  stress?: number;
  sleepHours?: number;
  habits: string[];
  wins: string[];
}

/** Daily reflections by day, oldest first; two notes for one day (own note and daily note) merge. */
export function dailyReflections(records: readonly VaultRecord[]): DailyReflection[] {
  const byDay = new Map<Day, DailyReflection>();
  for (const record of records) {
    const p = record.properties;
    if (record.kind !== "reflection" || p.period !== "daily") continue;
    const day = asDay(p.date);
    if (day === null) continue;
    const read: DailyReflection = {
      day,
      path: record.path,
      // Out-of-range values (mood: 42 typed by hand) are left out of averages, as patterns leave them out.
      mood: ruleNumberProperty(p, "mood", SCALE_1_TO_10),
      energy: ruleNumberProperty(p, "energy", SCALE_1_TO_10),
      stress: ruleNumberProperty(p, "stress", SCALE_1_TO_10),
      sleepHours: ruleNumberProperty(p, "sleep_hours", SLEEP_HOURS),
      habits: listProperty(p, "habits"),
      wins: listProperty(p, "wins"),
    };
    const known = byDay.get(day);
    byDay.set(
      day,
      known
        ? {
            ...read,
            ...Object.fromEntries(Object.entries(known).filter(([, value]) => value !== undefined)),
            habits: [...new Set([...known.habits, ...read.habits])],
            wins: [...known.wins, ...read.wins],
          }
        : read,
    );
  }
  return [...byDay.values()].sort((a, b) => a.day.localeCompare(b.day));
}
