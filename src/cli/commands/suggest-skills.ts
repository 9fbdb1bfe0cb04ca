import { parseArgs } from "node:util";
import { CliError } from "../cli-error";
import type { CliIo } from "../io";
import { INDEX_OPTIONS, INDEX_OPTIONS_USAGE, PRIVATE_OPTION, PRIVATE_OPTION_USAGE, openIndexSession } from "../index/index-session";
import { limitOption, printResults } from "../index/print-results";

export const suggestSkillsUsage = `lifebetter suggest-skills TEXT --vault DIR [--limit N] [--include-private] [--model DIR|ID] [--cache DIR] [--json]
  Meta-skills that fit TEXT, by meaning and by how often they worked.
${PRIVATE_OPTION_USAGE}
${INDEX_OPTIONS_USAGE}`;

export async function runSuggestSkills(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, options: { ...INDEX_OPTIONS, ...PRIVATE_OPTION, limit: { type: "string" } }, allowPositionals: true, strict: true });
  const text = positionals.join(" ").trim();
  if (text === "") throw new CliError("Missing TEXT: the problem or situation to find meta-skills for.");
  const limit = limitOption(values.limit, 5);
  const session = await openIndexSession(values, io);
  const results = await session.memory.suggestMetaSkills(text, limit, !values["include-private"]);
  await session.close();
  printResults(results, values.json, io);
  return 0;
}
