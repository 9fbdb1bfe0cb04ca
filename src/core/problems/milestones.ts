import { tasksUnder, type Task } from "../codec/sections";

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
