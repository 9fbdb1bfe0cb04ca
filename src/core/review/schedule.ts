import type { ReviewScheduler } from "../settings";
import { addDaysTo, type Day } from "../dates/days";
import { fsrsStep } from "./fsrs-step";
import type { ReviewGrade } from "./grades";
import { readSkillState, type FsrsMemory } from "./skill-state";
import { sm2Step } from "./sm2";

/** What a grade does to a skill: the new schedule, and what was wrong with the old one. */
export interface GradeOutcome {
  grade: ReviewGrade;
  scheduler: ReviewScheduler;
  reviewDue: Day;
  intervalDays: number;
  ease: number;
  reviewCount: number;
  lapse: boolean;
  /** FSRS memory state, with the FSRS scheduler only. */
  fsrs: FsrsMemory | null;
  /** Hand-edited values that were unusable and replaced by this grade. */
  repaired: string[];
}

/** Computes the next schedule from a skill's current properties; pure. */
export function scheduleGrade(properties: Record<string, unknown>, grade: ReviewGrade, today: Day, scheduler: ReviewScheduler): GradeOutcome {
  const state = readSkillState(properties, today);
  const common = { grade, scheduler, reviewCount: state.reviewCount + 1, lapse: grade === "again", repaired: state.warnings };
  if (scheduler === "fsrs") {
    const { intervalDays, memory } = fsrsStep(state, grade, today);
    // FSRS has no ease; the SM-2 ease is kept (repaired if unusable) for a switch back.
    return { ...common, reviewDue: addDaysTo(today, intervalDays), intervalDays, ease: state.ease, fsrs: memory };
  }
  const next = sm2Step(state, grade);
  return { ...common, reviewDue: addDaysTo(today, next.intervalDays), intervalDays: next.intervalDays, ease: next.ease, lapse: next.lapse, fsrs: null };
}

/** `reviewed_on` with today added, keeping what was there (a lone hand-written value becomes a list). */
export function withReviewDay(value: unknown, today: Day): unknown[] {
  if (Array.isArray(value)) return [...(value as unknown[]), today];
  return value === undefined || value === null || value === "" ? [today] : [value, today];
}

/** Writes an outcome into a skill's properties (inside NoteRepository.updateProperties). */
export function writeOutcome(properties: Record<string, unknown>, outcome: GradeOutcome, today: Day, updated: string): void {
  properties.review_due = outcome.reviewDue;
  properties.interval_days = outcome.intervalDays;
  properties.ease = outcome.ease;
  properties.review_count = outcome.reviewCount;
  properties.reviewed_on = withReviewDay(properties.reviewed_on, today);
  if (outcome.fsrs) {
    properties.fsrs_stability = outcome.fsrs.stability;
    properties.fsrs_difficulty = outcome.fsrs.difficulty;
    properties.fsrs_state = outcome.fsrs.state;
    properties.fsrs_lapses = outcome.fsrs.lapses;
  }
  properties.updated = updated;
}
