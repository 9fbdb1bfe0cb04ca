import { importRecords, type ImportReport } from "../../core/transfer/import-records";
import { CliError } from "../cli-error";
import { defineCommand } from "../command-kit";
import { readInputFile } from "../input-file";

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
  lines.push(
    `${report.dryRun ? "Dry run: would create" : "Created"} ${create}, ${report.dryRun ? "update" : "updated"} ${update}, skipped ${skip}, ${error} errors.`,
  );
  return lines.join("\n") + "\n";
}

export const importCommand = defineCommand({
  usage: importUsage,
  options: { "dry-run": { type: "boolean" } },
  positionals: true,
  run: async ({ values, positionals }, { repo, settings }) => {
    if (positionals.length > 1) throw new CliError("Give one FILE to import.");
    const text = await readInputFile(positionals[0], "records export");
    const report = await importRecords(repo, settings, text, { dryRun: values["dry-run"] });
    return { json: report, text: importSummary(report), exitCode: report.counts.error > 0 ? 1 : 0 };
  },
});
