import { tasksUnder, type Task } from "../codec/sections";
import { InvalidInputError } from "../errors";

export const MILESTONES_HEADING = "Milestones";

export interface MilestoneProgress {
  tasks: Task[];
  done: number;
  total: number;
  /** Share of checked tasks from 0 to 1; 0 when there are none. */
  ratio: number;
}

/** Progress of the `- [ ]` tasks under `## Milestones` (nested tasks count too). */
export function milestoneProgress(body: string): MilestoneProgress {
  const tasks = tasksUnder(body, MILESTONES_HEADING);
  const done = tasks.filter((task) => task.checked).length;
  return { tasks, done, total: tasks.length, ratio: tasks.length === 0 ? 0 : done / tasks.length };
}

// The checkbox of a task item's first line: "- [ ] ", "1. [x] ".
const CHECKBOX = /^([-*+]|\d+[.)])(\s+)\[[ xX]\]/;

/**
 * The body with milestone `index` ticked or unticked; only that task's box changes. `expected` is the
 * text the user saw: if the note changed meanwhile and the task there differs, nothing is changed.
 */
export function setMilestone(body: string, index: number, expected: string, checked: boolean): string {
  const task = tasksUnder(body, MILESTONES_HEADING)[index];
  if (!task || task.text !== expected) {
    throw new InvalidInputError(`The milestone "${expected}" is no longer where it was; the note changed. Look again and retry.`);
  }
  const rest = body.slice(task.offset);
  const match = CHECKBOX.exec(rest);
  if (!match) throw new InvalidInputError(`The milestone "${expected}" has no checkbox to tick.`);
  return body.slice(0, task.offset) + rest.replace(CHECKBOX, `$1$2[${checked ? "x" : " "}]`);
}
