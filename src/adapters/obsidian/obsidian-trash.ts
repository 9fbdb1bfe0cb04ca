import { TFile, type App } from "obsidian";
import type { Trash } from "../../core/vault/trash";

/** Obsidian's own trash: `trashFile` follows the user's "Deleted files" setting (system, .trash or none). */
export function obsidianTrash(app: App): Trash {
  return {
    destination: "the trash Obsidian is set to use",
    recoverable: true,
    trash: async (path) => {
      const file = app.vault.getAbstractFileByPath(path);
      if (file instanceof TFile) await app.fileManager.trashFile(file); // gone meanwhile: nothing to do
    },
  };
}
