import { isRecordKind } from "../../core/schema/kinds";
import { CliError } from "../cli-error";
import { defineCommand } from "../command-kit";
import { INDEX_OPTIONS, INDEX_OPTIONS_USAGE, PRIVATE_OPTION, PRIVATE_OPTION_USAGE } from "../index/index-session";
import { LIMIT_OPTION, searchResults } from "../index/print-results";

export const searchUsage = `lifebetter search QUERY --vault DIR [--limit N] [--kind KIND] [--type TYPE] [--tag TAG …]
                  [--since DATE] [--until DATE] [--problem NAME] [--include-private] [--model DIR|ID] [--cache DIR] [--json]
  Hybrid search: words and meaning, best first.
${PRIVATE_OPTION_USAGE}
${INDEX_OPTIONS_USAGE}`;

function dateOption(name: string, raw: string | undefined): string | undefined {
  if (raw !== undefined && !Number.isFinite(Date.parse(raw))) throw new CliError(`--${name} must be a date like 2026-01-31, not "${raw}".`);
  return raw;
}

export const searchCommand = defineCommand({
  usage: searchUsage,
  options: {
    ...INDEX_OPTIONS,
    ...PRIVATE_OPTION,
    ...LIMIT_OPTION,
    kind: { type: "string" },
    type: { type: "string" },
    tag: { type: "string", multiple: true },
    since: { type: "string" },
    until: { type: "string" },
    problem: { type: "string" },
  },
  positionals: true,
  run: ({ values, positionals }, vault, io) => {
    const query = positionals.join(" ").trim();
    if (query === "") throw new CliError("Missing QUERY: what to search for.");
    if (values.kind !== undefined && !isRecordKind(values.kind))
      throw new CliError(`--kind must be a LifeBetter kind (entry, problem, meta-skill, …), not "${values.kind}".`);
    const tags = values.tag.length > 0 ? values.tag : undefined;
    const filters = {
      kind: values.kind,
      type: values.type,
      tags,
      since: dateOption("since", values.since),
      until: dateOption("until", values.until),
      problem: values.problem,
      hidePrivate: !values["include-private"],
    };
    return searchResults(vault, values, io, 10, (memory, limit) => memory.searchByMeaning(query, { limit, ...filters }));
  },
});
