import { closeProblem } from "../../core/problems/close-problem";
import { defineCommand } from "../command-kit";
import { PROBLEM_OPTION, semicolonList } from "./problem-args";

export const problemSolveUsage = `lifebetter problem solve --vault DIR --problem NAME [--abandon] [--learned "a;b"] [--worked "a;b"]
                         [--didnt-work "a;b"] [--json]
  Marks the problem solved (or abandoned), writes what was learned / worked / didn't (lists split
  on ;) and records the outcome on every meta-skill the problem and its attempts used. Exits 1 if a
  skill note could not be written (the problem is closed all the same; stderr names the note).`;

export const problemSolveCommand = defineCommand({
  usage: problemSolveUsage,
  options: {
    ...PROBLEM_OPTION,
    abandon: { type: "boolean" },
    learned: { type: "string" },
    worked: { type: "string" },
    "didnt-work": { type: "string" },
  },
  run: async ({ values }, { repo, settings }, io) => {
    const input = {
      status: values.abandon ? ("abandoned" as const) : ("solved" as const),
      learned: semicolonList(values.learned),
      worked: semicolonList(values.worked),
      didntWork: semicolonList(values["didnt-work"]),
    };
    const closed = await closeProblem(repo, settings, values.problem, input);
    for (const { path, message } of closed.failed) io.err(`could not record the outcome on ${path}: ${message}\n`);
    const lines = [`Marked ${closed.path} ${closed.status}.`];
    for (const skill of closed.skills) {
      lines.push(
        `  ${skill.path}: ${skill.uses_success} of ${skill.uses_total} uses solved${skill.hours_to_solution === undefined ? "" : `, ${skill.hours_to_solution} h to solution on average`}`,
      );
    }
    if (closed.missingSkills.length > 0) lines.push(`  no meta-skill note for: ${closed.missingSkills.join(", ")}`);
    return { json: closed, text: lines, exitCode: closed.failed.length > 0 ? 1 : 0 };
  },
});
