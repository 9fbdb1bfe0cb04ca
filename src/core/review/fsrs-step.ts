import { createEmptyCard, fsrs, generatorParameters, Rating, State, type Card, type Grade } from "ts-fsrs";
import { FSRS_STATES } from "../schema/kinds";
import { addDaysTo, daysBetween, type Day } from "../dates/days";
import type { ReviewGrade } from "./grades";
import { MAX_INTERVAL_DAYS } from "../schema/values";
import type { FsrsMemory, FsrsStateName, SkillState } from "./skill-state";

// Whole days only: a meta-skill is reviewed at most once a day, so FSRS's minute-long learning steps
// are off (enable_short_term: false), and fuzz is off so a grade always gives the same date.
const scheduler = fsrs(generatorParameters({ enable_fuzz: false, enable_short_term: false, maximum_interval: MAX_INTERVAL_DAYS }));

const RATING: Record<ReviewGrade, Grade> = { again: Rating.Again, hard: Rating.Hard, good: Rating.Good, easy: Rating.Easy };
const STATE: Record<FsrsStateName, State> = { new: State.New, learning: State.Learning, review: State.Review, relearning: State.Relearning };

// A neutral difficulty (FSRS's scale is 1–10) for a skill that has SM-2 history but no FSRS state yet.
const SEED_DIFFICULTY = 5;

/**
 * ts-fsrs counts days between UTC dates; handing it each local day as UTC midnight makes its day
 * arithmetic match the user's calendar whatever the time zone.
 */
function utcMidnight(day: Day): Date {
  const [year, month, date] = day.split("-").map(Number);
  return new Date(Date.UTC(year ?? 2000, (month ?? 1) - 1, date ?? 1));
}

function cardFor(state: SkillState, today: Day): Card {
  const lastDay = state.reviewedOn[state.reviewedOn.length - 1] ?? (state.due ? addDaysTo(state.due, -state.intervalDays) : today);
  const base = {
    due: utcMidnight(state.due ?? today),
    elapsed_days: Math.max(0, daysBetween(lastDay, today)),
    scheduled_days: Math.round(state.intervalDays),
    learning_steps: 0,
    reps: state.reviewCount,
    last_review: utcMidnight(lastDay),
  };
  if (state.fsrs) {
    const { stability, difficulty, state: name, lapses } = state.fsrs;
    return { ...base, stability, difficulty, lapses, state: STATE[name] };
  }
  if (state.reviewCount > 0 && state.intervalDays > 0) {
    // Switched from SM-2: the current interval is the best guess of how long it is remembered.
    return { ...base, stability: state.intervalDays, difficulty: SEED_DIFFICULTY, lapses: 0, state: State.Review };
  }
  return createEmptyCard(utcMidnight(today));
}

export interface FsrsResult {
  intervalDays: number;
  memory: FsrsMemory;
}

/** One FSRS step (ts-fsrs, default parameters) on whole local days. */
export function fsrsStep(state: SkillState, grade: ReviewGrade, today: Day): FsrsResult {
  const next = scheduler.next(cardFor(state, today), utcMidnight(today), RATING[grade]).card;
  const round = (value: number) => Math.round(value * 10_000) / 10_000;
  return {
    intervalDays: Math.min(Math.max(1, next.scheduled_days), MAX_INTERVAL_DAYS),
    memory: {
      stability: round(next.stability),
      difficulty: round(next.difficulty),
      state: FSRS_STATES[next.state] ?? "review",
      lapses: next.lapses,
    },
  };
}
