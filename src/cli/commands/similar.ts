import { CliError } from "../cli-error";
import { defineCommand } from "../command-kit";
import { INDEX_OPTIONS, INDEX_OPTIONS_USAGE, PRIVATE_OPTION, PRIVATE_OPTION_USAGE } from "../index/index-session";
import { LIMIT_OPTION, searchResults } from "../index/print-results";
import { resolveNote } from "../../core/index/resolve-note";

export const similarUsage = `lifebetter similar NOTE --vault DIR [--limit N] [--exclude-linked] [--include-private] [--model DIR|ID] [--cache DIR] [--json]
  Notes closest in meaning to NOTE (a path, an id or a note name).
${PRIVATE_OPTION_USAGE}
${INDEX_OPTIONS_USAGE}`;

export const similarCommand = defineCommand({
  usage: similarUsage,
  options: { ...INDEX_OPTIONS, ...PRIVATE_OPTION, ...LIMIT_OPTION, "exclude-linked": { type: "boolean" } },
  positionals: true,
  run: ({ values, positionals }, vault, io) => {
    const note = positionals.join(" ").trim();
    if (note === "") throw new CliError("Missing NOTE: a note path, id or name.");
    return searchResults(vault, values, io, 10, (memory, limit) => {
      // A note the user named that is not there: a usage error (exit 2), as in connect and review.
      if (!resolveNote(memory.index, note)) throw new CliError(`No note "${note}" in the index (give its path, id or name).`);
      return memory.findSimilar(note, { limit, excludeLinked: values["exclude-linked"], hidePrivate: !values["include-private"] });
    });
  },
});
