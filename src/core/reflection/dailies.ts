import { listProperty, numberProperty } from "../schema/property-readers";
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
      mood: numberProperty(p, "mood"),
      energy: numberProperty(p, "energy"),
      stress: numberProperty(p, "stress"),
      sleepHours: numberProperty(p, "sleep_hours"),
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
