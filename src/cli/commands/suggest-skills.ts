import { CliError } from "../cli-error";
import { defineCommand } from "../command-kit";
import { INDEX_OPTIONS, INDEX_OPTIONS_USAGE, PRIVATE_OPTION, PRIVATE_OPTION_USAGE } from "../index/index-session";
import { LIMIT_OPTION, searchResults } from "../index/print-results";

export const suggestSkillsUsage = `lifebetter suggest-skills TEXT --vault DIR [--limit N] [--include-private] [--model DIR|ID] [--cache DIR] [--json]
  Meta-skills that fit TEXT, by meaning and by how often they worked.
${PRIVATE_OPTION_USAGE}
${INDEX_OPTIONS_USAGE}`;

export const suggestSkillsCommand = defineCommand({
  usage: suggestSkillsUsage,
  options: { ...INDEX_OPTIONS, ...PRIVATE_OPTION, ...LIMIT_OPTION },
  positionals: true,
  run: ({ values, positionals }, vault, io) => {
    const text = positionals.join(" ").trim();
    if (text === "") throw new CliError("Missing TEXT: the problem or situation to find meta-skills for.");
    return searchResults(vault, values, io, 5, (memory, limit) => memory.suggestMetaSkills(text, limit, !values["include-private"]));
  },
});
