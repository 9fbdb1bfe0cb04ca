import { promises as fs } from "node:fs";
import { parseArgs } from "node:util";
import { isValid, parseISO } from "date-fns";
import { RECORD_KINDS, isRecordKind, type RecordKind } from "../../core/schema/kinds";
import { exportRecords, exportText } from "../../core/transfer/export-records";
import { CliError } from "../cli-error";
import type { CliIo } from "../io";
import { openVault } from "../vault-context";

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

export function kindsOption(values: string[] | undefined): RecordKind[] {
  const kinds = (values ?? []).flatMap((value) => value.split(",")).map((kind) => kind.trim()).filter((kind) => kind !== "");
  for (const kind of kinds) if (!isRecordKind(kind)) throw new CliError(`Unknown kind "${kind}". Choose from: ${RECORD_KINDS.join(", ")}.`);
  return kinds as RecordKind[];
}

export async function runExport(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      vault: { type: "string" },
      out: { type: "string" },
      kind: { type: "string", multiple: true },
      since: { type: "string" },
      until: { type: "string" },
      "include-private": { type: "boolean" },
      json: { type: "boolean" },
    },
    strict: true,
  });
  const kinds = kindsOption(values.kind);
  const since = dateOption("since", values.since);
  const until = dateOption("until", values.until);
  const { repo, settings } = await openVault(values.vault, io);
  const result = await exportRecords(repo, settings, { kinds, since, until, includePrivate: values["include-private"] ?? false });
  const text = exportText(result.file);
  for (const { path, reason } of result.skipped) io.err(`not exported ${path}: ${reason}\n`);
  if (!values.out) {
    io.out(text);
    return 0;
  }
  try {
    await fs.writeFile(values.out, text, { flag: "wx" }); // never overwrite an earlier export
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliError(code === "EEXIST" ? `"${values.out}" already exists; choose another --out file.` : `Could not write "${values.out}": ${(error as Error).message}`, 1);
  }
  const privateNote = result.privateLeftOut > 0 ? ` (${result.privateLeftOut} private left out; add --include-private to include them)` : "";
  if (values.json) {
    io.out(JSON.stringify({ out: values.out, records: result.file.records.length, privateLeftOut: result.privateLeftOut, skipped: result.skipped }) + "\n");
  } else {
    io.out(`Exported ${result.file.records.length} records to ${values.out}${privateNote}.\n`);
  }
  return 0;
}
