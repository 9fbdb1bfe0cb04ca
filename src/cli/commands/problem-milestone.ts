import { findProblem } from "../../core/problems/find-problem";
import { editMilestone, MILESTONES_HEADING } from "../../core/problems/milestones";
import { dayOf } from "../../core/dates/days";
import { tasksUnder } from "../../core/codec/sections";
import { loadRecords } from "../../core/vault/records";
import { CliError } from "../cli-error";
import { defineCommand } from "../command-kit";
import { dayOption } from "../option-values";
import { PROBLEM_OPTION } from "./problem-args";
import { milestoneJson } from "./problems";

export const problemMilestoneUsage = `lifebetter problem milestone --vault DIR --problem NAME --milestone TEXT [--done | --undone]
                             [--due YYYY-MM-DD] [--scheduled YYYY-MM-DD] [--json]
  Ticks (--done, adding ✅ today as Tasks does) or unticks a milestone, or sets its due or scheduled
  date, in the format its line already uses (Tasks emoji or Dataview fields); nothing else on the
  line changes. TEXT is the milestone as problems --json gives it (without its dates).`;

export const problemMilestoneCommand = defineCommand({
  usage: problemMilestoneUsage,
  options: {
    ...PROBLEM_OPTION,
    milestone: { type: "string", required: "the milestone's text." },
    done: { type: "boolean" },
    undone: { type: "boolean" },
    due: { type: "string" },
    scheduled: { type: "string" },
  },
  run: async ({ values }, { repo, settings }) => {
    if (values.done && values.undone) throw new CliError("Use --done or --undone, not both.");
    const change = {
      done: values.done ? true : values.undone ? false : undefined,
      due: dayOption("due", values.due),
      scheduled: dayOption("scheduled", values.scheduled),
    };
    if (change.done === undefined && change.due === undefined && change.scheduled === undefined)
      throw new CliError("Nothing to change: give --done, --undone, --due or --scheduled.");
    const problem = findProblem(await loadRecords(repo, settings, ["problem"]), values.problem);
    await repo.updateBody(problem.path, (body) => editMilestone(body, values.milestone, change, dayOf(new Date())));
    const task = tasksUnder(await repo.read(problem.path), MILESTONES_HEADING).find((candidate) => candidate.text === values.milestone.trim());
    const json = task ? milestoneJson(task) : null;
    return {
      json: { path: problem.path, milestone: json },
      text: `Updated "${values.milestone}" in ${problem.path}${json ? `: ${json.done ? "done" : "open"}${json.due ? `, due ${json.due}` : ""}${json.scheduled ? `, scheduled ${json.scheduled}` : ""}` : ""}`,
    };
  },
});
