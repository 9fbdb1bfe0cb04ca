import { CliError } from "../cli-error";
import { defineCommand } from "../command-kit";
import { INDEX_OPTIONS, INDEX_OPTIONS_USAGE, PRIVATE_OPTION, PRIVATE_OPTION_USAGE } from "../index/index-session";
import { LIMIT_OPTION, searchResults } from "../index/print-results";

export const similarProblemsUsage = `lifebetter similar-problems NOTE --vault DIR [--limit N] [--include-private] [--model DIR|ID] [--cache DIR] [--json]
  Past problems like NOTE (a problem's path, id or name, or a description), with how they ended.
${PRIVATE_OPTION_USAGE}
${INDEX_OPTIONS_USAGE}`;

export const similarProblemsCommand = defineCommand({
  usage: similarProblemsUsage,
  options: { ...INDEX_OPTIONS, ...PRIVATE_OPTION, ...LIMIT_OPTION },
  positionals: true,
  run: ({ values, positionals }, vault, io) => {
    const problem = positionals.join(" ").trim();
    if (problem === "") throw new CliError("Missing NOTE: a problem note, or a description of the problem.");
    return searchResults(vault, values, io, 5, (memory, limit) => memory.findSimilarProblems(problem, limit, !values["include-private"]));
  },
});
