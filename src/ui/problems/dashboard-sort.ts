import { PRIORITIES } from "../../core/schema/kinds";
import type { ProblemSummary } from "../../core/problems/dashboard";

/** The dashboard's sortable columns, in the order they are shown. */
export const DASHBOARD_COLUMNS = [
  { key: "title", label: "Problem" },
  { key: "priority", label: "Priority" },
  { key: "time", label: "Time spent" },
  { key: "lastWorked", label: "Last worked" },
  { key: "blockers", label: "Open blockers" },
  { key: "milestones", label: "Milestones" },
] as const;

export type DashboardColumn = (typeof DASHBOARD_COLUMNS)[number]["key"];
export type SortDirection = "ascending" | "descending";

export interface DashboardSort {
  column: DashboardColumn;
  direction: SortDirection;
}

/** The direction a column starts in: the most pressing first (urgent, most time, longest untouched). */
const FIRST_DIRECTION: Record<DashboardColumn, SortDirection> = {
  title: "ascending",
  priority: "descending",
  time: "descending",
  lastWorked: "ascending",
  blockers: "descending",
  milestones: "ascending",
};

/** Clicking a header: a new column starts in its natural direction, the same column flips. */
export function nextSort(current: DashboardSort | null, column: DashboardColumn): DashboardSort {
  if (current?.column !== column) return { column, direction: FIRST_DIRECTION[column] };
  return { column, direction: current.direction === "ascending" ? "descending" : "ascending" };
}

const priorityRank = (p: ProblemSummary): number => (PRIORITIES as readonly string[]).indexOf(p.priority ?? "");
const lastWorkedTime = (p: ProblemSummary): number => (p.lastWorked ? Date.parse(p.lastWorked) : -1);
const milestoneRatio = (p: ProblemSummary): number => (p.milestones.total === 0 ? -1 : p.milestones.done / p.milestones.total);

const VALUE: Record<DashboardColumn, (p: ProblemSummary) => number | string> = {
  title: (p) => p.title.toLowerCase(),
  priority: priorityRank,
  time: (p) => p.timeSpent ?? 0,
  // Ascending = longest untouched first; never worked counts as oldest.
  lastWorked: lastWorkedTime,
  blockers: (p) => p.openBlockers,
  milestones: milestoneRatio,
};

/** The rows sorted by a column; ties keep the dashboard's own order (stable sort). */
export function sortProblems(problems: readonly ProblemSummary[], sort: DashboardSort | null): ProblemSummary[] {
  if (!sort) return [...problems];
  const value = VALUE[sort.column];
  const sign = sort.direction === "ascending" ? 1 : -1;
  return [...problems].sort((a, b) => {
    const x = value(a);
    const y = value(b);
    if (typeof x === "string" && typeof y === "string") return sign * x.localeCompare(y);
    return sign * (Number(x) - Number(y));
  });
}
