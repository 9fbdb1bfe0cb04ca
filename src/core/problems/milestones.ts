import type { Root } from "mdast";
import { tasksUnder, type Task } from "../codec/sections";
import { addDoneDate, removeDoneDate, setTaskDate } from "../codec/task-dates";
import { InvalidInputError } from "../errors";
import { daysBetween, type Day } from "../dates/days";

export const MILESTONES_HEADING = "Milestones";

export interface MilestoneProgress {
  tasks: Task[];
  done: number;
  total: number;
  /** Share of checked tasks from 0 to 1; 0 when there are none. */
  ratio: number;
}

/** Progress of the `- [ ]` tasks under `## Milestones` (nested tasks count too); `tree`: the body parsed. */
export function milestoneProgress(body: string, tree?: Root): MilestoneProgress {
  const tasks = tasksUnder(body, MILESTONES_HEADING, tree);
  const done = tasks.filter((task) => task.checked).length;
  return { tasks, done, total: tasks.length, ratio: tasks.length === 0 ? 0 : done / tasks.length };
}

// The checkbox of a task item's first line: "- [ ] ", "1. [x] ".
const CHECKBOX = /^([-*+]|\d+[.)])(\s+)\[[ xX]\]/;

/** An open milestone whose due date has passed, and by how many days. */
export function overdueDays(task: Task, today: Day): number | undefined {
  if (task.checked || task.dates.due === undefined) return undefined;
  const days = daysBetween(task.dates.due, today);
  return days > 0 ? days : undefined;
}

/** The first open milestone, in the order of the note. */
export function nextMilestone(progress: MilestoneProgress): Task | undefined {
  return progress.tasks.find((task) => !task.checked);
}

/**
 * The body with milestone `index` ticked or unticked; only that task's box changes, and, when `today`
 * is given, its done date as Tasks writes it (`✅ 2026-12-01`, or `[completion:: …]` on a line using
 * Dataview fields) is added on ticking and removed on unticking. `expected` is the text the user saw:
 * if the note changed meanwhile and the task there differs, nothing is changed.
 */
export function setMilestone(body: string, index: number, expected: string, checked: boolean, today?: Day): string {
  const task = tasksUnder(body, MILESTONES_HEADING)[index];
  if (!task || task.text !== expected) {
    throw new InvalidInputError(`The milestone "${expected}" is no longer where it was; the note changed. Look again and retry.`);
  }
  const rest = body.slice(task.offset);
  const match = CHECKBOX.exec(rest);
  if (!match) throw new InvalidInputError(`The milestone "${expected}" has no checkbox to tick.`);
  const boxed = task.line.replace(CHECKBOX, `$1$2[${checked ? "x" : " "}]`);
  const wasChecked = task.checked;
  let line = boxed;
  if (today !== undefined && checked && !wasChecked && task.dates.done === undefined) line = addDoneDate(boxed, today);
  if (today !== undefined && !checked && wasChecked) line = removeDoneDate(boxed);
  return body.slice(0, task.offset) + line + body.slice(task.offset + task.line.length);
}

/** What `problem milestone` changes: the box (with the done date) and the due and scheduled dates. */
export interface MilestoneChange {
  done?: boolean;
  due?: Day;
  scheduled?: Day;
}

/**
 * Changes the one milestone whose text is `text` (as the dashboard shows it: without dates), in the
 * formats the line already uses; refuses a text that names no milestone, or more than one.
 */
export function editMilestone(body: string, text: string, change: MilestoneChange, today: Day): string {
  const tasks = tasksUnder(body, MILESTONES_HEADING);
  const matches = tasks.flatMap((task, index) => (task.text === text.trim() ? [index] : []));
  if (matches.length === 0) {
    const known = tasks.map((task) => `"${task.text}"`).join(", ");
    throw new InvalidInputError(`No milestone "${text}"${known ? `; the milestones are ${known}` : " (the note has no milestones)"}.`);
  }
  if (matches.length > 1) throw new InvalidInputError(`${matches.length} milestones read "${text}"; make their texts differ first.`);
  const index = matches[0] ?? 0;
  let result = change.done === undefined ? body : setMilestone(body, index, text.trim(), change.done, today);
  for (const name of ["due", "scheduled"] as const) {
    const day = change[name];
    if (day === undefined) continue;
    const task = tasksUnder(result, MILESTONES_HEADING)[index];
    if (!task) break;
    result = result.slice(0, task.offset) + setTaskDate(task.line, name, day) + result.slice(task.offset + task.line.length);
  }
  return result;
}
