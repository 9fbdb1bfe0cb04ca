import { createProblem } from "../../core/problems/create-problem";
import { CliError } from "../cli-error";
import { defineCommand } from "../command-kit";

export const problemNewUsage = `lifebetter problem new --vault DIR --title TITLE [--description TEXT] [--priority low|medium|high|urgent]
                       [--target YYYY-MM-DD] [--estimate MINUTES] [--category TEXT] [--json]
  Creates a problem note (category goal for a goal) and prints its path and id.`;

function minutes(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (raw.trim() === "" || !Number.isFinite(value)) throw new CliError(`--estimate must be a number of minutes, not "${raw}".`);
  return value;
}

export const problemNewCommand = defineCommand({
  usage: problemNewUsage,
  options: {
    title: { type: "string", required: "the problem in a few words." },
    description: { type: "string" },
    priority: { type: "string" },
    target: { type: "string" },
    estimate: { type: "string" },
    category: { type: "string" },
  },
  run: async ({ values }, { repo, settings }) => {
    const estimate = minutes(values.estimate);
    const input = {
      title: values.title,
      description: values.description,
      priority: values.priority,
      target: values.target,
      estimate,
      category: values.category,
    };
    const created = await createProblem(repo, input, settings);
    return { json: created, text: `Created ${created.path} (id ${created.id})` };
  },
});
