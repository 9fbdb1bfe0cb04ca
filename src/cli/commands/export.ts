import { promises as fs } from "node:fs";
import { isValid, parseISO } from "date-fns";
import { RECORD_KINDS, isRecordKind, type RecordKind } from "../../core/schema/kinds";
import { exportRecords, exportText } from "../../core/transfer/export-records";
import { CliError } from "../cli-error";
import { defineCommand } from "../command-kit";

export const exportUsage = `lifebetter export --vault DIR [--out FILE] [--kind KIND …] [--since DATE] [--until DATE] [--include-private]
  Writes the LifeBetter records as one JSON file (to stdout without --out).
  --kind             only these kinds (repeat or comma-separate: ${RECORD_KINDS.join(", ")})
  --since / --until  records dated from DATE, and before DATE (YYYY-MM-DD or ISO date-time)
  --include-private  also export records marked private (left out otherwise)`;

function dateOption(name: string, value: string | undefined): Date | undefined {
  if (value === undefined) return undefined;
  const date = parseISO(value);
  if (!isValid(date)) throw new CliError(`--${name} "${value}" is not a date: use YYYY-MM-DD or an ISO date-time.`);
  return date;
}

export function kindsOption(values: readonly string[]): RecordKind[] {
  const kinds = values
    .flatMap((value) => value.split(","))
    .map((kind) => kind.trim())
    .filter((kind) => kind !== "");
  for (const kind of kinds) if (!isRecordKind(kind)) throw new CliError(`Unknown kind "${kind}". Choose from: ${RECORD_KINDS.join(", ")}.`);
  return kinds as RecordKind[];
}

export const exportCommand = defineCommand({
  usage: exportUsage,
  options: {
    out: { type: "string" },
    kind: { type: "string", multiple: true },
    since: { type: "string" },
    until: { type: "string" },
    "include-private": { type: "boolean" },
  },
  run: async ({ values }, { repo, settings }, io) => {
    const kinds = kindsOption(values.kind);
    const since = dateOption("since", values.since);
    const until = dateOption("until", values.until);
    const result = await exportRecords(repo, settings, { kinds, since, until, includePrivate: values["include-private"] });
    const text = exportText(result.file);
    for (const { path, reason } of result.skipped) io.err(`not exported ${path}: ${reason}\n`);
    if (!values.out) {
      // Without --out the export itself is the output, with or without --json.
      io.out(text);
      return 0;
    }
    try {
      await fs.writeFile(values.out, text, { flag: "wx" }); // never overwrite an earlier export
    } catch (error) {
      // An --out that exists is the user's to change (exit 2, as for a note name that is taken); a write that failed is exit 1.
      if ((error as NodeJS.ErrnoException).code === "EEXIST") throw new CliError(`"${values.out}" already exists; choose another --out file.`);
      throw new Error(`Could not write "${values.out}": ${(error as Error).message}`);
    }
    const privateNote = result.privateLeftOut > 0 ? ` (${result.privateLeftOut} private left out; add --include-private to include them)` : "";
    return {
      json: { out: values.out, records: result.file.records.length, privateLeftOut: result.privateLeftOut, skipped: result.skipped },
      text: `Exported ${result.file.records.length} records to ${values.out}${privateNote}.`,
    };
  },
});
