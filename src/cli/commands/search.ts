import { parseArgs } from "node:util";
import { isRecordKind } from "../../core/schema/kinds";
import { CliError } from "../cli-error";
import type { CliIo } from "../io";
import { INDEX_OPTIONS, INDEX_OPTIONS_USAGE, PRIVATE_OPTION, PRIVATE_OPTION_USAGE, openIndexSession } from "../index/index-session";
import { limitOption, printResults } from "../index/print-results";

export const searchUsage = `lifebetter search QUERY --vault DIR [--limit N] [--kind KIND] [--type TYPE] [--tag TAG …]
                  [--since DATE] [--until DATE] [--problem NAME] [--include-private] [--model DIR|ID] [--cache DIR] [--json]
  Hybrid search: words and meaning, best first.
${PRIVATE_OPTION_USAGE}
${INDEX_OPTIONS_USAGE}`;

function dateOption(name: string, raw: string | undefined): string | undefined {
  if (raw !== undefined && !Number.isFinite(Date.parse(raw))) throw new CliError(`--${name} must be a date like 2026-01-31, not "${raw}".`);
  return raw;
}

export async function runSearch(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      ...INDEX_OPTIONS,
      ...PRIVATE_OPTION,
      limit: { type: "string" },
      kind: { type: "string" },
      type: { type: "string" },
      tag: { type: "string", multiple: true },
      since: { type: "string" },
      until: { type: "string" },
      problem: { type: "string" },
    },
    allowPositionals: true,
    strict: true,
  });
  const query = positionals.join(" ").trim();
  if (query === "") throw new CliError("Missing QUERY: what to search for.");
  if (values.kind !== undefined && !isRecordKind(values.kind)) throw new CliError(`--kind must be a LifeBetter kind (entry, problem, meta-skill, …), not "${values.kind}".`);
  const limit = limitOption(values.limit, 10);
  const filters = { kind: values.kind, type: values.type, tags: values.tag, since: dateOption("since", values.since), until: dateOption("until", values.until), problem: values.problem, hidePrivate: !values["include-private"] };
  const session = await openIndexSession(values, io);
  const results = await session.memory.searchByMeaning(query, { limit, ...filters });
  await session.close();
  printResults(results, values.json, io);
  return 0;
}
