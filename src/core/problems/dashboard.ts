import { differenceInCalendarDays, parseISO } from "date-fns";
import type { Root } from "mdast";
import { PRIORITIES, PROBLEM_STATUSES } from "../schema/kinds";
import { isIsoDate, isIsoDateTime } from "../schema/values";
import { noteName } from "../vault/paths";
import { linkedEntries, openBlockerCount } from "./linked-entries";
import type { Task } from "../codec/sections";
import { dayOf } from "../dates/days";
import { milestoneProgress, nextMilestone, overdueDays } from "./milestones";
import { numberProperty, textProperty } from "../schema/property-readers";
import type { VaultRecord, VaultRecords } from "../vault/records";
import { DEFAULT_STALE_DAYS } from "../settings";

/** One row of the problems dashboard. */
export interface ProblemSummary {
  path: string;
  id?: string;
  /** The note name, which is what links use. */
  title: string;
  /** As written; a problem without one is active. */
  status: string;
  priority?: string;
  category?: string;
  isGoal: boolean;
  /** Minutes. */
  timeSpent?: number;
  estimate?: number;
  /** time spent ÷ estimate, when both are known and the estimate is above 0. */
  estimateUsed?: number;
  lastWorked?: string;
  started?: string;
  target?: string;
  openBlockers: number;
  milestones: { done: number; total: number };
  /** Every milestone with its dates, in the note's order. */
  milestoneTasks: Task[];
  /** The first open milestone. */
  nextMilestone?: Task;
  /** Open milestones whose due date has passed. */
  overdueMilestones: Task[];
  /** Whole days since the last session (or since the problem started when it has none). */
  daysSinceWorked?: number;
  /** Open (active or blocked) and not worked on for at least the stale-days setting. */
  stale: boolean;
}

export interface ProblemsDashboard {
  problems: ProblemSummary[];
  counts: Record<(typeof PROBLEM_STATUSES)[number], number>;
}

function dateValue(properties: Record<string, unknown>, name: string): string | undefined {
  const value = textProperty(properties, name);
  return value && (isIsoDate(value) || isIsoDateTime(value)) ? value : undefined;
}

/**
 * One problem's row (the pattern engine reads them one at a time, between slices, passing the body
 * it already parsed as `tree`).
 */
export function summarize(vault: VaultRecords, problem: VaultRecord, now: Date, staleDays: number, tree?: Root): ProblemSummary {
  const p = problem.properties;
  const status = textProperty(p, "status") ?? "active";
  const timeSpent = numberProperty(p, "time_spent");
  const estimate = numberProperty(p, "estimate");
  const lastWorked = dateValue(p, "last_worked");
  const started = dateValue(p, "started");
  const since = lastWorked ?? started ?? dateValue(p, "created");
  const daysSinceWorked = since === undefined ? undefined : differenceInCalendarDays(now, parseISO(since));
  const open = status === "active" || status === "blocked";
  const milestones = milestoneProgress(problem.body, tree);
  const category = textProperty(p, "category");
  return {
    path: problem.path,
    id: textProperty(p, "id"),
    title: noteName(problem.path),
    status,
    priority: textProperty(p, "priority"),
    category,
    isGoal: category?.toLowerCase() === "goal",
    timeSpent,
    estimate,
    estimateUsed: timeSpent !== undefined && estimate !== undefined && estimate > 0 ? timeSpent / estimate : undefined,
    lastWorked,
    started,
    target: dateValue(p, "target"),
    openBlockers: openBlockerCount(linkedEntries(vault, problem)),
    milestones: { done: milestones.done, total: milestones.total },
    milestoneTasks: milestones.tasks,
    nextMilestone: nextMilestone(milestones),
    overdueMilestones: milestones.tasks.filter((task) => overdueDays(task, dayOf(now)) !== undefined),
    daysSinceWorked,
    stale: open && daysSinceWorked !== undefined && daysSinceWorked >= staleDays,
  };
}

/** Urgent first; a problem without a priority after low. */
function priorityRank(priority: string | undefined): number {
  const index = (PRIORITIES as readonly string[]).indexOf(priority ?? "");
  return index < 0 ? -1 : index;
}

/** Open problems first (active, then blocked), then by priority, then the longest untouched first. */
export function compareForDashboard(a: ProblemSummary, b: ProblemSummary): number {
  const statusRank = (s: string) => {
    const index = (PROBLEM_STATUSES as readonly string[]).indexOf(s);
    return index < 0 ? PROBLEM_STATUSES.length : index;
  };
  return (
    statusRank(a.status) - statusRank(b.status) ||
    priorityRank(b.priority) - priorityRank(a.priority) ||
    (b.daysSinceWorked ?? -1) - (a.daysSinceWorked ?? -1) ||
    a.path.localeCompare(b.path)
  );
}

/** The dashboard's rows and counts by status, from records loaded with kinds problem and entry. */
export function problemsDashboard(vault: VaultRecords, now: Date = new Date(), staleDays: number = DEFAULT_STALE_DAYS): ProblemsDashboard {
  const problems = vault.records
    .filter((record) => record.kind === "problem")
    .map((problem) => summarize(vault, problem, now, staleDays))
    .sort(compareForDashboard);
  const counts = Object.fromEntries(PROBLEM_STATUSES.map((status) => [status, 0])) as ProblemsDashboard["counts"];
  for (const problem of problems) {
    if ((PROBLEM_STATUSES as readonly string[]).includes(problem.status)) counts[problem.status as keyof typeof counts]++;
  }
  return { problems, counts };
}
