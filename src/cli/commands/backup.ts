import { parseArgs } from "node:util";
import { nodeTrash, readTrashOption } from "../../adapters/node/node-trash";
import { InvalidInputError } from "../../core/errors";
import { importRecords, type ImportReport } from "../../core/transfer/import-records";
import { listBackups, writeBackup } from "../../core/transfer/write-backup";
import { basename, joinVaultPath } from "../../core/vault/paths";
import { CliError } from "../cli-error";
import type { CliIo } from "../io";
import { openVault, type VaultContext } from "../vault-context";
import { importSummary } from "./import";

export const backupUsage = `lifebetter backup now --vault DIR [--json]
lifebetter backup list --vault DIR [--json]
lifebetter backup restore BACKUP|--latest --vault DIR [--dry-run] [--json]
  now      writes a dated export of every record (private ones too) into the backup folder, as the
           scheduled backup does, and moves backups beyond the newest N (settings) to the trash
  list     the backups in the backup folder, oldest first
  restore  imports a backup (its path or file name, or the newest with --latest) as \`import\` does:
           by id, never overwriting a newer record or duplicating one; --dry-run writes nothing`;

async function runBackupNow(context: VaultContext, json: boolean, io: CliIo): Promise<number> {
  const trash = nodeTrash(context.root, await readTrashOption(context.root, context.configDir));
  const result = await writeBackup(context.repo, context.settings, trash, new Date());
  for (const { path, message } of result.pruneFailed) io.err(`could not move the old backup ${path} to the trash: ${message}\n`);
  if (json) {
    io.out(JSON.stringify({ ...result, trash: trash.destination }) + "\n");
  } else {
    const pruned = result.pruned.length > 0 ? `\n${result.pruned.length} older backups ${trash.destination}: ${result.pruned.join(", ")}` : "";
    io.out(`Backed up ${result.records} records to ${result.path ?? ""}.${pruned}\n`);
  }
  return result.pruneFailed.length > 0 ? 1 : 0;
}

async function runBackupList(context: VaultContext, json: boolean, io: CliIo): Promise<number> {
  const sizes = new Map((await context.repo.listFiles()).map((file) => [file.path, file]));
  const rows = (await listBackups(context.repo, context.settings.backupFolder)).map((path) => ({
    path,
    size: sizes.get(path)?.size ?? 0,
    modified: new Date(sizes.get(path)?.mtime ?? 0).toISOString(),
  }));
  if (json) io.out(JSON.stringify(rows) + "\n");
  else if (rows.length === 0) io.out(`There are no backups in "${context.settings.backupFolder}" yet; \`lifebetter backup now\` writes one.\n`);
  else io.out(rows.map((row) => `${row.path}  (${Math.ceil(row.size / 1024)} KB)`).join("\n") + "\n");
  return 0;
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

async function runBackupRestore(context: VaultContext, positionals: string[], options: { latest: boolean; dryRun: boolean; json: boolean }, io: CliIo): Promise<number> {
  if (positionals.length > 1) throw new CliError("Give one BACKUP to restore.");
  const { repo, settings } = context;
  const path = chooseBackup(await listBackups(repo, settings.backupFolder), settings.backupFolder, positionals[0], options.latest);
  let report: ImportReport;
  try {
    report = await importRecords(repo, settings, await repo.read(path), { dryRun: options.dryRun });
  } catch (error) {
    if (error instanceof InvalidInputError) throw new CliError(`${path}: ${error.message}`, 1);
    throw error;
  }
  io.out(options.json ? JSON.stringify({ backup: path, ...report }) + "\n" : `From ${path}:\n${importSummary(report)}`);
  return report.counts.error > 0 ? 1 : 0;
}

/** `backup now|list|restore …`. */
export async function runBackup(argv: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub !== "now" && sub !== "list" && sub !== "restore") {
    throw new CliError(sub && !sub.startsWith("-") ? `Unknown backup subcommand "${sub}"; use: backup now, backup list, backup restore.` : "Missing subcommand: backup now, list or restore.");
  }
  const restore = sub === "restore";
  const { values, positionals } = parseArgs({
    args: rest,
    options: { vault: { type: "string" }, json: { type: "boolean" }, ...(restore ? { latest: { type: "boolean" }, "dry-run": { type: "boolean" } } : {}) },
    allowPositionals: restore,
    strict: true,
  });
  const context = await openVault(values.vault, io);
  const json = values.json === true;
  if (sub === "now") return runBackupNow(context, json, io);
  if (sub === "list") return runBackupList(context, json, io);
  return runBackupRestore(context, positionals, { latest: values.latest === true, dryRun: values["dry-run"] === true, json }, io);
}
