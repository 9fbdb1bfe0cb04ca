import type { LifeBetterSettings } from "../settings";
import { daysBetween, type Day } from "../dates/days";
import { isDecision, readDecisionState } from "./decision-state";
import { isNewSkill, readSkillState } from "./skill-state";
import type { VaultRecord } from "../vault/records";

interface QueueItemBase {
  path: string;
  name: string;
  /** The due day; null for a skill never scheduled or a value that is not a date (see warnings). */
  due: Day | null;
  /** Days past due (0 when due today or unreadable). */
  overdueDays: number;
  /** Hand-edited values that could not be used; the item is shown anyway. */
  warnings: string[];
}

export interface SkillQueueItem extends QueueItemBase {
  kind: "skill";
  isNew: boolean;
}

export interface DecisionQueueItem extends QueueItemBase {
  kind: "decision";
  expectedOutcome: string | null;
}

export type ReviewQueueItem = SkillQueueItem | DecisionQueueItem;

export interface ReviewQueue {
  today: Day;
  /** What to review now, most overdue first. */
  items: ReviewQueueItem[];
  /** Every due skill and decision, before the daily limits. */
  dueSkills: number;
  dueDecisions: number;
  /** Due skills left for another day by the limits. */
  heldBack: number;
  /** Skill reviews already done today, and how many of them were a skill's first review. */
  doneToday: number;
  newDoneToday: number;
  limits: { reviewsPerDay: number; newSkillsPerDay: number };
}

function dueSkill(record: VaultRecord, today: Day): SkillQueueItem | null {
  const state = readSkillState(record.properties, today);
  const warnings = [...state.warnings];
  const isNew = isNewSkill(state);
  if (state.due === null && !isNew && warnings.length === 0) warnings.push("review_due is missing; shown as due today");
  // A hand-edited schedule that cannot be trusted is shown now, so the next grade repairs it.
  if (state.due !== null && daysBetween(state.due, today) < 0 && warnings.length === 0) return null;
  const overdueDays = state.due === null ? 0 : Math.max(0, daysBetween(state.due, today));
  return { kind: "skill", path: record.path, name: record.name, due: state.due, overdueDays, isNew, warnings };
}

function dueDecision(record: VaultRecord, today: Day): DecisionQueueItem | null {
  const state = readDecisionState(record.properties);
  if (state.answered) return null;
  if (!state.badReviewOn && (state.reviewOn === null || daysBetween(state.reviewOn, today) < 0)) return null;
  const overdueDays = state.reviewOn === null ? 0 : daysBetween(state.reviewOn, today);
  return {
    kind: "decision",
    path: record.path,
    name: record.name,
    due: state.reviewOn,
    overdueDays,
    warnings: state.warnings,
    expectedOutcome: state.expectedOutcome,
  };
}

/**
 * Items with warnings first (so they are seen and repaired, never hidden by a limit), then the most
 * overdue, then reviews before new skills, then by name.
 */
function compareItems(a: ReviewQueueItem, b: ReviewQueueItem): number {
  const isNew = (item: ReviewQueueItem) => (item.kind === "skill" && item.isNew ? 1 : 0);
  return (
    Number(b.warnings.length > 0) - Number(a.warnings.length > 0) ||
    b.overdueDays - a.overdueDays ||
    isNew(a) - isNew(b) ||
    a.name.localeCompare(b.name) ||
    a.path.localeCompare(b.path)
  );
}

/**
 * The review queue, rebuilt from the notes each time. Skills are limited per day: `reviewsPerDay`
 * reviews in all, of which at most `newSkillsPerDay` first reviews, counting those already done today
 * (from `reviewed_on`). Decisions are one-off and never held back.
 */
export function buildReviewQueue(records: readonly VaultRecord[], settings: LifeBetterSettings, today: Day): ReviewQueue {
  const skills: SkillQueueItem[] = [];
  const decisions: DecisionQueueItem[] = [];
  let doneToday = 0;
  let newDoneToday = 0;
  for (const record of records) {
    if (record.kind === "meta-skill") {
      const reviewed = readSkillState(record.properties).reviewedOn;
      doneToday += reviewed.filter((day) => day === today).length;
      if (reviewed[0] === today) newDoneToday++;
      const item = dueSkill(record, today);
      if (item) skills.push(item);
    } else if (isDecision(record.properties)) {
      const item = dueDecision(record, today);
      if (item) decisions.push(item);
    }
  }
  skills.sort(compareItems);
  let reviewsLeft = Math.max(0, settings.reviewsPerDay - doneToday);
  let newLeft = Math.max(0, settings.newSkillsPerDay - newDoneToday);
  const taken: SkillQueueItem[] = [];
  for (const item of skills) {
    if (reviewsLeft === 0) break;
    if (item.isNew) {
      if (newLeft === 0) continue;
      newLeft--;
    }
    reviewsLeft--;
    taken.push(item);
  }
  return {
    today,
    items: [...taken, ...decisions].sort(compareItems),
    dueSkills: skills.length,
    dueDecisions: decisions.length,
    heldBack: skills.length - taken.length,
    doneToday,
    newDoneToday,
    limits: { reviewsPerDay: settings.reviewsPerDay, newSkillsPerDay: settings.newSkillsPerDay },
  };
}
