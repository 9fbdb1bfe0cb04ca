import type { LifeBetterSettings } from "../settings";
import type { NoteRepository } from "../vault/repository";
import { trashAll, type Trash } from "../vault/trash";
import { backupPath, backupsToPrune, isBackupFile } from "./backups";
import { exportRecords, exportText } from "./export-records";

/** The backup files in the backup folder (directly in it), oldest first. */
export async function listBackups(repo: NoteRepository, folder: string): Promise<string[]> {
  const prefix = folder === "" ? "" : `${folder}/`;
  const paths = (await repo.listFiles())
    .map((file) => file.path)
    .filter((path) => path.startsWith(prefix) && !path.slice(prefix.length).includes("/") && isBackupFile(path));
  return paths.sort((a, b) => a.localeCompare(b));
}

export interface BackupResult {
  /** The file written, or null when `skipEmpty` and there was nothing to back up. */
  path: string | null;
  records: number;
  /** Older backups moved to the trash (beyond the newest `backupKeep`). */
  pruned: string[];
  /** Older backups that could not be moved, and why. */
  pruneFailed: { path: string; message: string }[];
}

/**
 * Writes a dated export of every record (private ones too: the backup stays in this vault and a
 * restore must bring everything back) and moves backups beyond the newest N to the trash. The one
 * backup mechanism of the scheduled backups, "Back up records now" and `lifebetter backup now`.
 */
export async function writeBackup(
  repo: NoteRepository,
  settings: LifeBetterSettings,
  trash: Trash,
  now: Date,
  options: { skipEmpty?: boolean } = {},
): Promise<BackupResult> {
  const { file } = await exportRecords(repo, settings, { includePrivate: true, now });
  if (options.skipEmpty && file.records.length === 0) return { path: null, records: 0, pruned: [], pruneFailed: [] };
  const path = backupPath(settings.backupFolder, now);
  await repo.create(path, exportText(file));
  const stale = backupsToPrune(await listBackups(repo, settings.backupFolder), settings.backupKeep);
  const { moved, failed } = await trashAll(trash, stale);
  return { path, records: file.records.length, pruned: moved, pruneFailed: failed };
}
