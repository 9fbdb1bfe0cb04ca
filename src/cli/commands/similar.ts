import { parseArgs } from "node:util";
import { CliError } from "../cli-error";
import type { CliIo } from "../io";
import { INDEX_OPTIONS, INDEX_OPTIONS_USAGE, PRIVATE_OPTION, PRIVATE_OPTION_USAGE, openIndexSession } from "../index/index-session";
import { limitOption, printResults } from "../index/print-results";
import { resolveNote } from "../../core/index/resolve-note";

export const similarUsage = `lifebetter similar NOTE --vault DIR [--limit N] [--exclude-linked] [--include-private] [--model DIR|ID] [--cache DIR] [--json]
  Notes closest in meaning to NOTE (a path, an id or a note name).
${PRIVATE_OPTION_USAGE}
${INDEX_OPTIONS_USAGE}`;

export async function runSimilar(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { ...INDEX_OPTIONS, ...PRIVATE_OPTION, limit: { type: "string" }, "exclude-linked": { type: "boolean" } },
    allowPositionals: true,
    strict: true,
  });
  const note = positionals.join(" ").trim();
  if (note === "") throw new CliError("Missing NOTE: a note path, id or name.");
  const limit = limitOption(values.limit, 10);
  const session = await openIndexSession(values, io);
  if (!resolveNote(session.memory.index, note)) {
    await session.close();
    throw new CliError(`No note "${note}" in the index (give its path, id or name).`, 1);
  }
  const results = await session.memory.findSimilar(note, { limit, excludeLinked: values["exclude-linked"], hidePrivate: !values["include-private"] });
  await session.close();
  printResults(results, values.json, io);
  return 0;
}
