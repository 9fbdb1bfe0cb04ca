import { nodeTrash, readTrashOption } from "../../adapters/node/node-trash";
import { ExportFileError } from "../../core/transfer/export-format";
import { importRecords, type ImportReport } from "../../core/transfer/import-records";
import { listBackups, writeBackup } from "../../core/transfer/write-backup";
import { basename, joinVaultPath } from "../../core/vault/paths";
import { CliError } from "../cli-error";
import { defineCommand, defineSubcommands, type Output } from "../command-kit";
import type { CliIo } from "../io";
import type { VaultContext } from "../vault-context";
import { importSummary } from "./import";

export const backupUsage = `lifebetter backup now --vault DIR [--json]
lifebetter backup list --vault DIR [--json]
lifebetter backup restore BACKUP|--latest --vault DIR [--dry-run] [--json]
  now      writes a dated export of every record (private ones too) into the backup folder, as the
           scheduled backup does, and moves backups beyond the newest N (settings) to the trash
  list     the backups in the backup folder, oldest first
  restore  imports a backup (its path or file name, or the newest with --latest) as \`import\` does:
           by id, never overwriting a newer record or duplicating one; --dry-run writes nothing`;

async function backupNow(context: VaultContext, io: CliIo): Promise<Output> {
  const trash = nodeTrash(context.root, await readTrashOption(context.root, context.configDir));
  const result = await writeBackup(context.repo, context.settings, trash, new Date());
  for (const { path, message } of result.pruneFailed) io.err(`could not move the old backup ${path} to the trash: ${message}\n`);
  const pruned = result.pruned.length > 0 ? `\n${result.pruned.length} older backups ${trash.destination}: ${result.pruned.join(", ")}` : "";
  return {
    json: { ...result, trash: trash.destination },
    text: `Backed up ${result.records} records to ${result.path ?? ""}.${pruned}`,
    exitCode: result.pruneFailed.length > 0 ? 1 : 0,
  };
}

async function backupList(context: VaultContext): Promise<Output> {
  const sizes = new Map((await context.repo.listFiles()).map((file) => [file.path, file]));
  const rows = (await listBackups(context.repo, context.settings.backupFolder)).map((path) => ({
    path,
    size: sizes.get(path)?.size ?? 0,
    modified: new Date(sizes.get(path)?.mtime ?? 0).toISOString(),
  }));
  const text =
    rows.length === 0
      ? `There are no backups in "${context.settings.backupFolder}" yet; \`lifebetter backup now\` writes one.`
      : rows.map((row) => `${row.path}  (${Math.ceil(row.size / 1024)} KB)`);
  return { json: rows, text };
}

/** The backup a user named: a vault path, or a file name in the backup folder. */
function chooseBackup(backups: readonly string[], folder: string, named: string | undefined, latest: boolean): string {
  if (latest && named !== undefined) throw new CliError("Give a BACKUP or --latest, not both.");
  if (latest) {
    const newest = backups.at(-1);
    if (!newest) throw new CliError(`There are no backups in "${folder}" to restore.`);
    return newest;
  }
  if (named === undefined || named.trim() === "") throw new CliError("Missing BACKUP: a backup's path or file name (see `backup list`), or --latest.");
  const wanted = named.trim();
  const found = backups.find((path) => path === wanted || basename(path) === wanted || path === joinVaultPath(folder, wanted));
  if (!found) throw new CliError(`No backup "${wanted}" in "${folder}" (see \`lifebetter backup list\`).`);
  return found;
}

async function backupRestore({ repo, settings }: VaultContext, positionals: string[], options: { latest: boolean; dryRun: boolean }): Promise<Output> {
  if (positionals.length > 1) throw new CliError("Give one BACKUP to restore.");
  const path = chooseBackup(await listBackups(repo, settings.backupFolder), settings.backupFolder, positionals[0], options.latest);
  let report: ImportReport;
  try {
    report = await importRecords(repo, settings, await repo.read(path), { dryRun: options.dryRun });
  } catch (error) {
    // Name the damaged backup; it is still a file that could not be used (exit 1).
    if (error instanceof ExportFileError) throw new ExportFileError(`${path}: ${error.message}`);
    throw error;
  }
  return { json: { backup: path, ...report }, text: `From ${path}:\n${importSummary(report)}`, exitCode: report.counts.error > 0 ? 1 : 0 };
}

/** `backup now|list|restore …`. */
export const backupCommand = defineSubcommands(
  "backup",
  {
    now: defineCommand({ usage: backupUsage, options: {}, run: (_args, vault, io) => backupNow(vault, io) }),
    list: defineCommand({ usage: backupUsage, options: {}, run: (_args, vault) => backupList(vault) }),
    restore: defineCommand({
      usage: backupUsage,
      options: { latest: { type: "boolean" }, "dry-run": { type: "boolean" } },
      positionals: true,
      run: ({ values, positionals }, vault) => backupRestore(vault, positionals, { latest: values.latest, dryRun: values["dry-run"] }),
    }),
  },
  backupUsage,
);
