import { parseArgs } from "node:util";
import type { CliIo } from "../io";
import { createProblem } from "../../core/problems/create-problem";
import { CliError } from "../cli-error";
import { openVault } from "../vault-context";
import { userErrors } from "./problem-args";

export const problemNewUsage = `lifebetter problem new --vault DIR --title TITLE [--description TEXT] [--priority low|medium|high|urgent]
                       [--target YYYY-MM-DD] [--estimate MINUTES] [--category TEXT] [--json]
  Creates a problem note (category goal for a goal) and prints its path and id.`;

function minutes(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (raw.trim() === "" || !Number.isFinite(value)) throw new CliError(`--estimate must be a number of minutes, not "${raw}".`);
  return value;
}

export async function runProblemNew(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      vault: { type: "string" },
      title: { type: "string" },
      description: { type: "string" },
      priority: { type: "string" },
      target: { type: "string" },
      estimate: { type: "string" },
      category: { type: "string" },
      json: { type: "boolean" },
    },
    strict: true,
  });
  if (values.title === undefined) throw new CliError("Missing --title: the problem in a few words.");
  const estimate = minutes(values.estimate);
  const { repo, settings } = await openVault(values.vault, io);
  const created = await userErrors(() =>
    createProblem(
      repo,
      { title: values.title ?? "", description: values.description, priority: values.priority, target: values.target, estimate, category: values.category },
      settings,
    ),
  );
  io.out(values.json ? JSON.stringify(created) + "\n" : `Created ${created.path} (id ${created.id})\n`);
  return 0;
}
