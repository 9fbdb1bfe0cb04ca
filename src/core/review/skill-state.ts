import { FSRS_STATES } from "../schema/kinds";
import { asDay, type Day } from "./days";
import { SM2_MIN_EASE, SM2_START_EASE } from "./sm2";

export type FsrsStateName = (typeof FSRS_STATES)[number];

/** FSRS memory state, present once a skill was graded with the FSRS scheduler. */
export interface FsrsMemory {
  stability: number;
  difficulty: number;
  state: FsrsStateName;
  lapses: number;
}

/**
 * A skill's scheduling state read from its properties. Values edited by hand into something unusable
 * fall back to a safe default with a warning, so one bad note never breaks the queue.
 */
export interface SkillState {
  /** null: never scheduled (a new or imported skill), or unreadable (see warnings). */
  due: Day | null;
  ease: number;
  intervalDays: number;
  reviewCount: number;
  /** Valid days from `reviewed_on`, sorted, duplicates kept (two reviews on one day count twice). */
  reviewedOn: Day[];
  fsrs: FsrsMemory | null;
  warnings: string[];
}

function isNumber(value: unknown): value is number {
  return typeof value === "number" && Number.isFinite(value);
}

const isSet = (value: unknown): boolean => value !== undefined && value !== null && value !== "";

/** The days of a `reviewed_on` list; a lone date (hand-edited) counts as a one-item list. */
export function reviewedDays(value: unknown): Day[] {
  const items: unknown[] = Array.isArray(value) ? value : [value];
  return items.map(asDay).filter((day): day is Day => day !== null).sort();
}

function readFsrs(properties: Record<string, unknown>): FsrsMemory | null {
  const { fsrs_stability: stability, fsrs_difficulty: difficulty, fsrs_state: state, fsrs_lapses: lapses } = properties;
  if (!isNumber(stability) || !isNumber(difficulty) || stability <= 0) return null;
  const name = FSRS_STATES.find((candidate) => candidate === state);
  if (!name) return null;
  return { stability, difficulty, state: name, lapses: isNumber(lapses) && lapses >= 0 ? Math.floor(lapses) : 0 };
}

export function readSkillState(properties: Record<string, unknown>): SkillState {
  const warnings: string[] = [];
  const rawDue = properties.review_due;
  const due = asDay(rawDue);
  if (isSet(rawDue) && due === null) {
    warnings.push(`review_due ${JSON.stringify(rawDue)} is not a date (YYYY-MM-DD); shown as due today`);
  }
  const rawEase = properties.ease;
  let ease = SM2_START_EASE;
  if (isNumber(rawEase) && rawEase >= SM2_MIN_EASE) ease = rawEase;
  else if (isNumber(rawEase)) {
    ease = SM2_MIN_EASE;
    warnings.push(`ease ${rawEase} is below the floor of ${SM2_MIN_EASE}; treated as ${SM2_MIN_EASE}`);
  } else if (isSet(rawEase)) {
    warnings.push(`ease ${JSON.stringify(rawEase)} is not a number; treated as ${SM2_START_EASE}`);
  }
  const rawInterval = properties.interval_days;
  let intervalDays = 0;
  if (isNumber(rawInterval) && rawInterval >= 0) intervalDays = rawInterval;
  else if (isSet(rawInterval)) warnings.push(`interval_days ${JSON.stringify(rawInterval)} is not a number of days; treated as 0`);
  const rawCount = properties.review_count;
  const reviewCount = isNumber(rawCount) && rawCount >= 0 ? Math.floor(rawCount) : 0;
  return { due, ease, intervalDays, reviewCount, reviewedOn: reviewedDays(properties.reviewed_on), fsrs: readFsrs(properties), warnings };
}

/** Never reviewed: no count and no review day. */
export function isNewSkill(state: SkillState): boolean {
  return state.reviewCount === 0 && state.reviewedOn.length === 0;
}
