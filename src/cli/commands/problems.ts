import type { Task } from "../../core/codec/sections";
import { problemsDashboard, type ProblemSummary } from "../../core/problems/dashboard";
import { loadRecords } from "../../core/vault/records";
import { defineCommand } from "../command-kit";
import { STALE_DAYS_OPTION, staleDaysOption } from "./problem-args";

export const problemsUsage = `lifebetter problems --vault DIR [--stale-days N] [--json]
  Lists the problems as the dashboard does: open ones first, by priority. With --json, an array of
  {path, title, status, priority, time_spent, last_worked, open_blockers, estimate, stale, milestones:
  {done, total, overdue, items: [{text, done, due, scheduled, start, completed}]}}; dates are read from
  Tasks emoji (📅 ⏳ 🛫 ✅) or Dataview fields ([due:: 2026-12-01]), null when not written.`;

/** A milestone as `problems --json` and `today --json` give it. */
export function milestoneJson(task: Task) {
  return {
    text: task.text,
    done: task.checked,
    due: task.dates.due ?? null,
    scheduled: task.dates.scheduled ?? null,
    start: task.dates.start ?? null,
    completed: task.dates.done ?? null,
  };
}

function jsonRow(problem: ProblemSummary) {
  return {
    path: problem.path,
    title: problem.title,
    status: problem.status,
    priority: problem.priority ?? null,
    time_spent: problem.timeSpent ?? null,
    last_worked: problem.lastWorked ?? null,
    open_blockers: problem.openBlockers,
    estimate: problem.estimate ?? null,
    category: problem.category ?? null,
    stale: problem.stale,
    milestones: { ...problem.milestones, overdue: problem.overdueMilestones.length, items: problem.milestoneTasks.map(milestoneJson) },
  };
}

function textRow(problem: ProblemSummary): string {
  const time = `${problem.timeSpent ?? 0}${problem.estimate === undefined ? "" : `/${problem.estimate}`} min`;
  const flags = [
    problem.priority,
    time,
    problem.openBlockers > 0 ? `${problem.openBlockers} open blocker${problem.openBlockers === 1 ? "" : "s"}` : undefined,
    problem.milestones.total > 0 ? `milestones ${problem.milestones.done}/${problem.milestones.total}` : undefined,
    problem.overdueMilestones.length > 0
      ? `${problem.overdueMilestones.length} overdue milestone${problem.overdueMilestones.length === 1 ? "" : "s"}`
      : undefined,
    problem.lastWorked ? `last worked ${problem.lastWorked}` : undefined,
    problem.stale ? "stale" : undefined,
  ].filter((flag): flag is string => flag !== undefined);
  return `[${problem.status}] ${problem.title} (${flags.join(", ")})`;
}

export const problemsCommand = defineCommand({
  usage: problemsUsage,
  options: STALE_DAYS_OPTION,
  run: async ({ values }, { repo, settings }) => {
    const staleDays = staleDaysOption(values["stale-days"], settings.staleDays);
    const dashboard = problemsDashboard(await loadRecords(repo, settings, ["problem", "entry"]), new Date(), staleDays);
    const counts = Object.entries(dashboard.counts)
      .map(([status, n]) => `${n} ${status}`)
      .join(", ");
    return { json: dashboard.problems.map(jsonRow), text: [`${dashboard.problems.length} problems: ${counts}.`, ...dashboard.problems.map(textRow)] };
  },
});
