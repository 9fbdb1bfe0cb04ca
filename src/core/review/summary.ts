import { addDaysTo, daysBetween, type Day } from "../dates/days";
import { isDecision, readDecisionState } from "./decision-state";
import { readSkillState, reviewedDays } from "./skill-state";
import type { VaultRecord } from "../vault/records";

export interface ReviewSummary {
  today: Day;
  /** Reviews done today: skills graded and decisions answered. */
  doneToday: number;
  /** Consecutive days with at least one review, up to today (or yesterday while today has none yet). */
  streakDays: number;
  /** Skills and open decisions coming due on each of the next 7 days (tomorrow first). */
  dueNext7Days: { day: Day; count: number }[];
}

/**
 * Derived from `reviewed_on`, the list of review days each skill and decision keeps: it survives sync
 * and rebuilds, and unlike a single last-reviewed date it still knows yesterday's review of a skill
 * reviewed again today, so the streak is not broken by a skill coming back the next day.
 */
export function reviewSummary(records: readonly VaultRecord[], today: Day): ReviewSummary {
  const reviewDays = new Set<Day>();
  let doneToday = 0;
  const upcoming = new Map<Day, number>();
  const countDue = (day: Day | null) => {
    if (day === null) return;
    const ahead = daysBetween(today, day);
    if (ahead >= 1 && ahead <= 7) upcoming.set(day, (upcoming.get(day) ?? 0) + 1);
  };
  for (const record of records) {
    const skill = record.kind === "meta-skill";
    if (!skill && !isDecision(record.properties)) continue;
    const days = reviewedDays(record.properties.reviewed_on);
    for (const day of days) reviewDays.add(day);
    doneToday += days.filter((day) => day === today).length;
    if (skill) countDue(readSkillState(record.properties).due);
    else {
      const decision = readDecisionState(record.properties);
      if (!decision.answered) countDue(decision.reviewOn);
    }
  }
  let streakDays = 0;
  let day = reviewDays.has(today) ? today : addDaysTo(today, -1);
  while (reviewDays.has(day)) {
    streakDays++;
    day = addDaysTo(day, -1);
  }
  const dueNext7Days = Array.from({ length: 7 }, (_, index) => {
    const next = addDaysTo(today, index + 1);
    return { day: next, count: upcoming.get(next) ?? 0 };
  });
  return { today, doneToday, streakDays, dueNext7Days };
}
