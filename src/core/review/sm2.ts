import type { ReviewGrade } from "./grades";

import { MAX_INTERVAL_DAYS, SM2_MAX_EASE, SM2_MIN_EASE } from "../schema/values";

export { MAX_INTERVAL_DAYS, SM2_MAX_EASE, SM2_MIN_EASE };
export const SM2_START_EASE = 2.5;
// Kept in hundredths: 1.3 × 100 is 130.00000000000003 in floating point.
const MIN_EASE_CENTS = Math.round(SM2_MIN_EASE * 100);
const MAX_EASE_CENTS = Math.round(SM2_MAX_EASE * 100);

/**
 * The four grades on SM-2's 0–5 quality scale. Again is 2, the mildest failing quality ("incorrect,
 * but the answer seemed easy once shown"): the user saw the card and tried, and its ease drop (0.32)
 * stays close to Anki's. Hard is 3 ("correct with serious difficulty"), Good 4 ("correct after a
 * hesitation"), Easy 5 ("perfect response").
 */
export const SM2_QUALITY: Record<ReviewGrade, number> = { again: 2, hard: 3, good: 4, easy: 5 };

export interface Sm2State {
  ease: number;
  /** Days between the last review and the one it scheduled; 0 for a skill never reviewed. */
  intervalDays: number;
}

export interface Sm2Result extends Sm2State {
  /** The answer failed (quality < 3): the interval restarted. */
  lapse: boolean;
}

/** Hard multiplies the current interval by this (Anki's and the Spaced Repetition plugin's default). */
export const HARD_FACTOR = 1.2;
/** Easy multiplies Good's interval by this (Anki's default easy bonus). */
export const EASY_BONUS = 1.3;

/**
 * One SM-2 step (Wozniak 1990, as in Wikipedia's pseudocode), with Anki's spread of the passing
 * grades so that Hard, Good and Easy mean different things:
 * - quality < 3 (Again): a lapse; the repetitions start again from 1 day.
 * - Good: SM-2's interval, I(1) = 1, I(2) = 6, then I(n) = round(I(n-1) × EF), using the ease
 *   before this answer's change.
 * - Hard: round(I(n-1) × 1.2), Easy: round(Good's SM-2 interval × 1.3), as in Anki.
 * - Then, as Anki does, each grade gives at least a day more than the one before it: Again (1) <
 *   Hard < Good < Easy at every maturity (a new skill: 1, 2, 3, 4 days), until the cap, MAX_INTERVAL_DAYS.
 * - every answer: EF' = EF + (0.1 − (5 − q) × (0.08 + (5 − q) × 0.02)), never below 1.3 and, unlike
 *   the original, never above 5 (the schema's ease rule).
 *
 * The repetition number n is not stored: it is read from the interval (0 → first repetition,
 * 1–5 → second, 6 and over → later ones), so a lapse (interval 1) continues with I(2) = 6 as SM-2's
 * "start the repetitions from the beginning" implies. Ease is kept in hundredths: every SM-2 ease
 * change is a whole number of hundredths, so the arithmetic stays exact (2.5 − 0.14 is 2.36, not
 * 2.3600000000000003) and a .5 interval always rounds up.
 */
export function sm2Step(state: Sm2State, grade: ReviewGrade): Sm2Result {
  const q = SM2_QUALITY[grade];
  const easeCents = Math.min(Math.max(Math.round(state.ease * 100), MIN_EASE_CENTS), MAX_EASE_CENTS);
  const lapse = q < 3;
  const current = Math.min(state.intervalDays, MAX_INTERVAL_DAYS); // a hand-edited 1e9 counts as the cap
  const intervalDays = lapse ? 1 : Math.min(passingIntervals(current, easeCents)[grade === "hard" ? 0 : grade === "good" ? 1 : 2], MAX_INTERVAL_DAYS);
  const miss = 5 - q;
  // EF change in hundredths: 100 × (0.1 − miss × (0.08 + miss × 0.02)) = 10 − miss × (8 + 2 × miss).
  const nextCents = Math.min(Math.max(easeCents + 10 - miss * (8 + 2 * miss), MIN_EASE_CENTS), MAX_EASE_CENTS);
  return { ease: nextCents / 100, intervalDays, lapse };
}

/** Hard, Good and Easy intervals from the current interval and ease (in hundredths), before the cap. */
function passingIntervals(current: number, easeCents: number): [hard: number, good: number, easy: number] {
  const interval = Math.max(0, current);
  let sm2: number;
  if (interval < 1) sm2 = 1;
  else if (interval < 6) sm2 = 6;
  else sm2 = Math.round((interval * easeCents) / 100);
  const hard = Math.max(2, Math.round(interval * HARD_FACTOR), Math.floor(interval) + 1);
  const good = Math.max(hard + 1, sm2);
  const easy = Math.max(good + 1, Math.round(sm2 * EASY_BONUS));
  return [hard, good, easy];
}
