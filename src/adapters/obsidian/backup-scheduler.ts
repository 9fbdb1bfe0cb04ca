import { Notice, TFile, TFolder, type App } from "obsidian";
import { errorMessage } from "../../core/errors";
import type { LifeBetterSettings } from "../../core/settings";
import { backupDue, isBackupFile } from "../../core/transfer/backups";
import { writeBackup as writeBackupFile } from "../../core/transfer/write-backup";
import type { NoteRepository } from "../../core/vault/repository";
import { obsidianTrash } from "./obsidian-trash";

/** What a backup needs (the plugin context has it all). */
export interface BackupHost {
  app: App;
  repo: NoteRepository;
  settings(): LifeBetterSettings;
  /** Saves the settings after `lastBackupAt` changed. */
  saveSettings(): Promise<void>;
}

/** The backup files in the backup folder. */
export function backupFiles(app: App, folder: string): TFile[] {
  const dir = app.vault.getAbstractFileByPath(folder);
  if (!(dir instanceof TFolder)) return [];
  return dir.children.filter((child): child is TFile => child instanceof TFile && isBackupFile(child.path));
}

/** Writes a backup now (core/transfer/write-backup) and remembers when, so the timer waits a full interval. */
export async function writeBackup(host: BackupHost, now: Date = new Date(), options: { skipEmpty?: boolean } = {}): Promise<string | null> {
  const settings = host.settings();
  const { path } = await writeBackupFile(host.repo, settings, obsidianTrash(host.app), now, options);
  // Even with nothing to keep yet (no records): no empty file, and no new look until the next interval.
  settings.lastBackupAt = now.getTime();
  await host.saveSettings();
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
