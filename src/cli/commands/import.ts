import { parseArgs } from "node:util";
import { InvalidInputError } from "../../core/errors";
import { importRecords, type ImportReport } from "../../core/transfer/import-records";
import { CliError } from "../cli-error";
import type { CliIo } from "../io";
import { readInputFile } from "../input-file";
import { openVault } from "../vault-context";

export const importUsage = `lifebetter import --vault DIR FILE [--dry-run] [--json]
  Imports a LifeBetter records export, by id: new records are created, a record already in the vault
  is updated only when the file's "updated" is newer; nothing is ever overwritten or duplicated.
  --dry-run  print what would be created / updated / skipped and write nothing`;

export function importSummary(report: ImportReport): string {
  const lines = report.actions.map((action) => {
    const verb = report.dryRun ? `would ${action.action}` : action.action;
    switch (action.action) {
      case "create":
        return `${verb} ${action.path}${action.requestedPath ? ` ("${action.requestedPath}" is another note)` : ""}`;
      case "update":
        return `${verb} ${action.path}`;
      case "skip":
        return `skip ${action.path}: ${action.reason}`;
      case "error":
        return `error: ${action.reason}`;
    }
  });
  const { create, update, skip, error } = report.counts;
  lines.push(`${report.dryRun ? "Dry run: would create" : "Created"} ${create}, ${report.dryRun ? "update" : "updated"} ${update}, skipped ${skip}, ${error} errors.`);
  return lines.join("\n") + "\n";
}

export async function runImport(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { vault: { type: "string" }, "dry-run": { type: "boolean" }, json: { type: "boolean" } },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length > 1) throw new CliError("Give one FILE to import.");
  const { repo, settings } = await openVault(values.vault, io);
  const text = await readInputFile(positionals[0], "records export");
  let report: ImportReport;
  try {
    report = await importRecords(repo, settings, text, { dryRun: values["dry-run"] ?? false });
  } catch (error) {
    if (error instanceof InvalidInputError) throw new CliError(error.message, 1);
    throw error;
  }
  io.out(values.json ? JSON.stringify(report) + "\n" : importSummary(report));
  return report.counts.error > 0 ? 1 : 0;
}
