import { parseArgs } from "node:util";
import type { CliIo } from "../io";
import { findProblem } from "../../core/problems/find-problem";
import { editMilestone, MILESTONES_HEADING } from "../../core/problems/milestones";
import { dayOf } from "../../core/dates/days";
import { isIsoDate } from "../../core/schema/values";
import { tasksUnder } from "../../core/codec/sections";
import { loadRecords } from "../../core/vault/records";
import { CliError } from "../cli-error";
import { openVault } from "../vault-context";
import { userErrors } from "./problem-args";
import { milestoneJson } from "./problems";

export const problemMilestoneUsage = `lifebetter problem milestone --vault DIR --problem NAME --milestone TEXT [--done | --undone]
                             [--due YYYY-MM-DD] [--scheduled YYYY-MM-DD] [--json]
  Ticks (--done, adding ✅ today as Tasks does) or unticks a milestone, or sets its due or scheduled
  date, in the format its line already uses (Tasks emoji or Dataview fields); nothing else on the
  line changes. TEXT is the milestone as problems --json gives it (without its dates).`;

function dayOption(name: string, raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  if (!isIsoDate(raw.trim())) throw new CliError(`--${name} must be a date like 2026-12-01, not "${raw}".`);
  return raw.trim();
}

export async function runProblemMilestone(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      vault: { type: "string" },
      problem: { type: "string" },
      milestone: { type: "string" },
      done: { type: "boolean" },
      undone: { type: "boolean" },
      due: { type: "string" },
      scheduled: { type: "string" },
      json: { type: "boolean" },
    },
    strict: true,
  });
  if (values.problem === undefined) throw new CliError("Missing --problem: the problem's note name, [[link]], path or id.");
  if (values.milestone === undefined) throw new CliError("Missing --milestone: the milestone's text.");
  if (values.done && values.undone) throw new CliError("Use --done or --undone, not both.");
  const change = {
    done: values.done ? true : values.undone ? false : undefined,
    due: dayOption("due", values.due),
    scheduled: dayOption("scheduled", values.scheduled),
  };
  if (change.done === undefined && change.due === undefined && change.scheduled === undefined) throw new CliError("Nothing to change: give --done, --undone, --due or --scheduled.");
  const { repo, settings } = await openVault(values.vault, io);
  const milestone = await userErrors(async () => {
    const problem = findProblem(await loadRecords(repo, settings, ["problem"]), values.problem ?? "");
    await repo.updateBody(problem.path, (body) => editMilestone(body, values.milestone ?? "", change, dayOf(new Date())));
    const text = await repo.read(problem.path);
    const task = tasksUnder(text, MILESTONES_HEADING).find((candidate) => candidate.text === values.milestone?.trim());
    return { path: problem.path, task };
  });
  const json = milestone.task ? milestoneJson(milestone.task) : null;
  io.out(values.json ? JSON.stringify({ path: milestone.path, milestone: json }) + "\n" : `Updated "${values.milestone}" in ${milestone.path}${json ? `: ${json.done ? "done" : "open"}${json.due ? `, due ${json.due}` : ""}${json.scheduled ? `, scheduled ${json.scheduled}` : ""}` : ""}\n`);
  return 0;
}
