import { FSRS_STATES } from "../schema/kinds";
import { EASE, FSRS_DIFFICULTY, FSRS_STABILITY, INTERVAL_DAYS, MAX_INTERVAL_DAYS, REVIEW_COUNT, ruleText } from "../schema/values";
import type { PropertySpec } from "../schema/properties";
import { addDaysTo, asDay, daysBetween, type Day } from "../dates/days";
import { SM2_START_EASE } from "./sm2";

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
  return items
    .map(asDay)
    .filter((day): day is Day => day !== null)
    .sort();
}

/**
 * A number property read under its schema rule: a value outside the range is clamped to it, a value
 * that is no number becomes `fallback`, each with a warning the next grade reports as repaired.
 */
function boundedNumber(properties: Record<string, unknown>, name: string, rule: PropertySpec, fallback: number, warnings: string[]): number {
  const raw = properties[name];
  if (!isNumber(raw)) {
    if (isSet(raw)) warnings.push(`${name} ${JSON.stringify(raw)} is not a number; treated as ${fallback}`);
    return fallback;
  }
  const min = rule.min ?? -Infinity;
  const max = rule.max ?? Infinity;
  let value = Math.min(Math.max(raw, min), max);
  if (rule.integer) value = Math.floor(value);
  if (value !== raw) warnings.push(`${name} ${raw} is not ${ruleText(rule)}; treated as ${value}`);
  return value;
}

function readFsrs(properties: Record<string, unknown>, warnings: string[]): FsrsMemory | null {
  const { fsrs_stability: stability, fsrs_difficulty: difficulty, fsrs_state: state, fsrs_lapses: lapses } = properties;
  if (!isNumber(stability) || !isNumber(difficulty) || stability <= 0) return null;
  const name = FSRS_STATES.find((candidate) => candidate === state);
  if (!name) return null;
  return {
    stability: boundedNumber(properties, "fsrs_stability", FSRS_STABILITY, stability, warnings),
    difficulty: boundedNumber(properties, "fsrs_difficulty", FSRS_DIFFICULTY, difficulty, warnings),
    state: name,
    lapses: isNumber(lapses) && lapses >= 0 ? Math.floor(lapses) : 0,
  };
}

/**
 * Reads a skill's schedule. With `today`, a due date further away than the longest interval allows
 * (hand-edited) is shown as due today, so the next grade writes a real one.
 */
export function readSkillState(properties: Record<string, unknown>, today?: Day): SkillState {
  const warnings: string[] = [];
  const rawDue = properties.review_due;
  let due = asDay(rawDue);
  if (isSet(rawDue) && due === null) {
    warnings.push(`review_due ${JSON.stringify(rawDue)} is not a date (YYYY-MM-DD); shown as due today`);
  }
  if (due !== null && today !== undefined && daysBetween(today, due) > MAX_INTERVAL_DAYS) {
    warnings.push(`review_due ${due} is more than ${MAX_INTERVAL_DAYS} days away (after ${addDaysTo(today, MAX_INTERVAL_DAYS)}); shown as due today`);
    due = null;
  }
  const ease = boundedNumber(properties, "ease", EASE, SM2_START_EASE, warnings);
  const intervalDays = boundedNumber(properties, "interval_days", INTERVAL_DAYS, 0, warnings);
  const reviewCount = boundedNumber(properties, "review_count", REVIEW_COUNT, 0, warnings);
  return { due, ease, intervalDays, reviewCount, reviewedOn: reviewedDays(properties.reviewed_on), fsrs: readFsrs(properties, warnings), warnings };
}

/** Never reviewed: no count and no review day. */
export function isNewSkill(state: SkillState): boolean {
  return state.reviewCount === 0 && state.reviewedOn.length === 0;
}
