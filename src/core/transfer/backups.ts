import { format } from "date-fns";
import { basename, joinVaultPath } from "../vault/paths";

const PREFIX = "LifeBetter backup ";
const BACKUP_NAME = /^LifeBetter backup \d{4}-\d{2}-\d{2} \d{4}(?:\d{2})?\.json$/;

/** The backup file for this moment: dated, so names sort by time. */
export function backupPath(folder: string, now: Date): string {
  return joinVaultPath(folder, `${PREFIX}${format(now, "yyyy-MM-dd HHmmss")}.json`);
}

export function isBackupFile(path: string): boolean {
  return BACKUP_NAME.test(basename(path));
}

/** True when a backup is due: backups are on and the interval has passed since the last one. */
export function backupDue(lastAt: number, intervalHours: number, now: number): boolean {
  return intervalHours > 0 && now - lastAt >= intervalHours * 3_600_000;
}

/** The backups in `paths` beyond the newest `keep`, oldest first: the ones to move to the trash. */
export function backupsToPrune(paths: readonly string[], keep: number): string[] {
  const backups = paths.filter(isBackupFile).sort((a, b) => basename(a).localeCompare(basename(b)));
  return backups.slice(0, Math.max(0, backups.length - Math.max(1, keep)));
}
