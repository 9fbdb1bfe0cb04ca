import { parseArgs } from "node:util";
import type { CliIo } from "../io";
import { closeProblem } from "../../core/problems/close-problem";
import { CliError } from "../cli-error";
import { openVault } from "../vault-context";
import { semicolonList, userErrors } from "./problem-args";

export const problemSolveUsage = `lifebetter problem solve --vault DIR --problem NAME [--abandon] [--learned "a;b"] [--worked "a;b"]
                         [--didnt-work "a;b"] [--json]
  Marks the problem solved (or abandoned), writes what was learned / worked / didn't (lists split
  on ;) and records the outcome on every meta-skill the problem and its attempts used. Exits 1 if a
  skill note could not be written (the problem is closed all the same; stderr names the note).`;

export async function runProblemSolve(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      vault: { type: "string" },
      problem: { type: "string" },
      abandon: { type: "boolean" },
      learned: { type: "string" },
      worked: { type: "string" },
      "didnt-work": { type: "string" },
      json: { type: "boolean" },
    },
    strict: true,
  });
  if (values.problem === undefined) throw new CliError("Missing --problem: the problem's note name, [[link]], path or id.");
  const { repo, settings } = await openVault(values.vault, io);
  const input = {
    status: values.abandon ? ("abandoned" as const) : ("solved" as const),
    learned: semicolonList(values.learned),
    worked: semicolonList(values.worked),
    didntWork: semicolonList(values["didnt-work"]),
  };
  const closed = await userErrors(() => closeProblem(repo, settings, values.problem ?? "", input));
  for (const { path, message } of closed.failed) io.err(`could not record the outcome on ${path}: ${message}\n`);
  if (values.json) {
    io.out(JSON.stringify(closed) + "\n");
  } else {
    const lines = [`Marked ${closed.path} ${closed.status}.`];
    for (const skill of closed.skills) {
      lines.push(`  ${skill.path}: ${skill.uses_success} of ${skill.uses_total} uses solved${skill.hours_to_solution === undefined ? "" : `, ${skill.hours_to_solution} h to solution on average`}`);
    }
    if (closed.missingSkills.length > 0) lines.push(`  no meta-skill note for: ${closed.missingSkills.join(", ")}`);
    io.out(lines.join("\n") + "\n");
  }
  return closed.failed.length > 0 ? 1 : 0;
}
