import { normalizePath, type Setting } from "obsidian";
import { DEFAULT_SETTINGS, type LifeBetterSettings } from "../../core/settings";

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

/** A whole-number setting; what is not a whole number from `min` is not saved. */
function numberRow(host: BackupSettingsHost, key: "backupIntervalHours" | "backupKeep", name: string, desc: string, min: number) {
  return {
    name,
    desc,
    render: (setting: Setting) => {
      setting.addText((text) => {
        text.inputEl.type = "number";
        text.inputEl.setAttribute("aria-label", name);
        text.setValue(String(host.settings[key]));
        text.inputEl.addEventListener("input", () => {
          const value = wholeNumber(text.inputEl.value, min);
          if (value === null) return;
          host.settings[key] = value;
          void host.saveSettings();
        });
      });
    },
  };
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
    numberRow(host, "backupIntervalHours", "Hours between backups", "0 turns scheduled backups off.", 0),
    numberRow(host, "backupKeep", "Backups to keep", "Older backups are moved to the trash.", 1),
  ];
}
