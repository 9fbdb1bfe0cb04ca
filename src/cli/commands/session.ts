import { addSession } from "../../core/problems/add-session";
import { activityTypes } from "../../core/problems/session-activity";
import { findProblem } from "../../core/problems/find-problem";
import { ruleText, SCALE_1_TO_10, typedNumber } from "../../core/schema/values";
import { loadRecords } from "../../core/vault/records";
import { CliError } from "../cli-error";
import { defineCommand, defineSubcommands } from "../command-kit";
import { PROBLEM_OPTION } from "./problem-args";

export const sessionUsage = `lifebetter session add --vault DIR --problem NAME --start ISO --end ISO --focus N --energy N
                       [--activity-type TYPE] [--activity TEXT] [--distractions N] [--distraction-notes TEXT]
                       [--outcome TEXT] [--force] [--json]
  Appends a work session to the problem's Sessions table and updates time_spent and last_worked.
  --activity-type is coding, reading, writing, meeting, research, planning or one of your own (settings);
  it is written before the text in the activity cell ("coding: fixed the parser"). --distractions N
  counts them; with --distraction-notes the cell reads "3: slack, email".
  Refuses an end before the start, a session shorter than a minute, an overlap with another session,
  focus or energy outside 1-10, and a session longer than 24 hours unless --force.`;

/**
 * `--distractions` is a count; free text there (as before counts existed) is still accepted and kept
 * as the cell's text, so old scripts keep working.
 */
function distractionsArg(raw: string | undefined): { count?: number; text?: string } {
  if (raw === undefined || raw.trim() === "") return {};
  const value = Number(raw);
  if (/^\s*-?\d+(\.\d+)?\s*$/.test(raw)) {
    if (!Number.isInteger(value) || value < 0) throw new CliError(`--distractions must be a whole number of 0 or more, not "${raw}".`);
    return { count: value };
  }
  return { text: raw };
}

const sessionAddCommand = defineCommand({
  usage: sessionUsage,
  options: {
    ...PROBLEM_OPTION,
    start: { type: "string", required: "when the session began, like 2026-11-20T09:00:00+01:00." },
    end: { type: "string", required: "when the session ended, like 2026-11-20T10:30:00+01:00." },
    focus: { type: "string", required: `${ruleText(SCALE_1_TO_10)}.` },
    energy: { type: "string", required: `${ruleText(SCALE_1_TO_10)}.` },
    activity: { type: "string" },
    "activity-type": { type: "string" },
    distractions: { type: "string" },
    "distraction-notes": { type: "string" },
    outcome: { type: "string" },
    force: { type: "boolean" },
  },
  run: async ({ values }, { repo, settings }) => {
    const focus = typedNumber("--focus", values.focus, SCALE_1_TO_10);
    const { count: distractionCount, text: distractionText } = distractionsArg(values.distractions);
    if (distractionText !== undefined && values["distraction-notes"] !== undefined) {
      throw new CliError(`--distractions takes a count (a whole number), not "${values.distractions}", when --distraction-notes gives the text.`);
    }
    const energy = typedNumber("--energy", values.energy, SCALE_1_TO_10);
    const problem = findProblem(await loadRecords(repo, settings, ["problem"]), values.problem);
    const added = await addSession(repo, problem.path, {
      start: values.start,
      end: values.end,
      focus,
      energy,
      activity: values.activity,
      activityType: values["activity-type"],
      activityTypes: activityTypes(settings),
      distractions: values["distraction-notes"] ?? distractionText,
      distractionCount,
      outcome: values.outcome,
      allowLong: values.force,
    });
    return { json: added, text: `Added ${added.minutes} minutes to ${added.path} (time spent ${added.timeSpent} minutes, last worked ${added.lastWorked})` };
  },
});

/** `session add …`; the subcommand word keeps room for more (list, …). */
export const sessionCommand = defineSubcommands("session", { add: sessionAddCommand }, sessionUsage);
