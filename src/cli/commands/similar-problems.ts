import { parseArgs } from "node:util";
import { CliError } from "../cli-error";
import type { CliIo } from "../io";
import { INDEX_OPTIONS, INDEX_OPTIONS_USAGE, PRIVATE_OPTION, PRIVATE_OPTION_USAGE, openIndexSession } from "../index/index-session";
import { limitOption, printResults } from "../index/print-results";

export const similarProblemsUsage = `lifebetter similar-problems NOTE --vault DIR [--limit N] [--include-private] [--model DIR|ID] [--cache DIR] [--json]
  Past problems like NOTE (a problem's path, id or name, or a description), with how they ended.
${PRIVATE_OPTION_USAGE}
${INDEX_OPTIONS_USAGE}`;

export async function runSimilarProblems(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, options: { ...INDEX_OPTIONS, ...PRIVATE_OPTION, limit: { type: "string" } }, allowPositionals: true, strict: true });
  const problem = positionals.join(" ").trim();
  if (problem === "") throw new CliError("Missing NOTE: a problem note, or a description of the problem.");
  const limit = limitOption(values.limit, 5);
  const session = await openIndexSession(values, io);
  const results = await session.memory.findSimilarProblems(problem, limit, !values["include-private"]);
  await session.close();
  printResults(results, values.json, io);
  return 0;
}
