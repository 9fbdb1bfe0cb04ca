import { Notice, TFile, TFolder, type App } from "obsidian";
import { errorMessage } from "../../core/errors";
import type { LifeBetterSettings } from "../../core/settings";
import { backupDue, backupPath, backupsToPrune, isBackupFile } from "../../core/transfer/backups";
import { exportRecords, exportText } from "../../core/transfer/export-records";
import type { NoteRepository } from "../../core/vault/repository";

export interface BackupHost {
  app: App;
  repo: NoteRepository;
  settings(): LifeBetterSettings;
  /** Saves the settings after `lastBackupAt` changed. */
  save(): Promise<void>;
}

/** The backup files in the backup folder. */
export function backupFiles(app: App, folder: string): TFile[] {
  const dir = app.vault.getAbstractFileByPath(folder);
  if (!(dir instanceof TFolder)) return [];
  return dir.children.filter((child): child is TFile => child instanceof TFile && isBackupFile(child.path));
}

/**
 * Writes a dated export of every record (private ones too: the backup stays in this vault and a
 * restore must bring everything back) and moves backups beyond the newest N to the trash.
 */
export async function writeBackup(host: BackupHost, now: Date = new Date(), options: { skipEmpty?: boolean } = {}): Promise<string | null> {
  const settings = host.settings();
  const { file } = await exportRecords(host.repo, settings, { includePrivate: true, now });
  if (options.skipEmpty && file.records.length === 0) {
    // Nothing to keep yet (a vault without records): no empty file, and no new look until the next interval.
    settings.lastBackupAt = now.getTime();
    await host.save();
    return null;
  }
  const path = backupPath(settings.backupFolder, now);
  await host.repo.create(path, exportText(file));
  settings.lastBackupAt = now.getTime();
  await host.save();
  const stale = backupsToPrune(backupFiles(host.app, settings.backupFolder).map((f) => f.path), settings.backupKeep);
  for (const old of stale) {
    const oldFile = host.app.vault.getAbstractFileByPath(old);
    if (oldFile instanceof TFile) await host.app.fileManager.trashFile(oldFile);
  }
  return path;
}

/** Called on a timer: backs up when one is due; a failure is told once and retried at the next tick. */
export async function backupIfDue(host: BackupHost, now: Date = new Date()): Promise<string | null> {
  const settings = host.settings();
  if (!backupDue(settings.lastBackupAt, settings.backupIntervalHours, now.getTime())) return null;
  try {
    return await writeBackup(host, now, { skipEmpty: true });
  } catch (error) {
    new Notice(`LifeBetter could not write its scheduled backup: ${errorMessage(error)}`);
    return null;
  }
}
