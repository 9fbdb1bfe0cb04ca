import { normalizePath, type Setting } from "obsidian";
import { DEFAULT_SETTINGS, type LifeBetterSettings } from "../core/settings";

interface BackupSettingsHost {
  settings: LifeBetterSettings;
  saveSettings(): Promise<void>;
}

export const BACKUPS_HEADING = "Backups";

/** A whole number typed into a field, or null while it is not one (the saved value stays). */
function wholeNumber(text: string, min: number): number | null {
  const value = Number(text.trim());
  return text.trim() !== "" && Number.isInteger(value) && value >= min ? value : null;
}

/** The backup rows (folder, interval, how many to keep), shared by both ways the tab renders. */
export function backupSettingRows(host: BackupSettingsHost): { name: string; desc: string; render: (setting: Setting) => void }[] {
  const save = (): void => void host.saveSettings();
  return [
    {
      name: "Backup folder",
      desc: "A dated export of all your records (private ones included) is written here. Restore one with “Restore from backup”.",
      render: (setting) => {
        setting.addText((text) => {
          text.inputEl.setAttribute("aria-label", "Backup folder");
          text.setPlaceholder(DEFAULT_SETTINGS.backupFolder).setValue(host.settings.backupFolder);
          text.inputEl.addEventListener("input", () => {
            const value = text.inputEl.value;
            host.settings.backupFolder = value.trim() === "" ? DEFAULT_SETTINGS.backupFolder : normalizePath(value.trim());
            save();
          });
        });
      },
    },
    {
      name: "Hours between backups",
      desc: "0 turns scheduled backups off.",
      render: (setting) => {
        setting.addText((text) => {
          text.inputEl.type = "number";
          text.inputEl.setAttribute("aria-label", "Hours between backups");
          text.setValue(String(host.settings.backupIntervalHours));
          text.inputEl.addEventListener("input", () => {
            const value = text.inputEl.value;
            const hours = wholeNumber(value, 0);
            if (hours === null) return;
            host.settings.backupIntervalHours = hours;
            save();
          });
        });
      },
    },
    {
      name: "Backups to keep",
      desc: "Older backups are moved to the trash.",
      render: (setting) => {
        setting.addText((text) => {
          text.inputEl.type = "number";
          text.inputEl.setAttribute("aria-label", "Backups to keep");
          text.setValue(String(host.settings.backupKeep));
          text.inputEl.addEventListener("input", () => {
            const value = text.inputEl.value;
            const keep = wholeNumber(value, 1);
            if (keep === null) return;
            host.settings.backupKeep = keep;
            save();
          });
        });
      },
    },
  ];
}
