import { TFile, type App } from "obsidian";
import { NoteReadError, errorMessage } from "../../core/errors";
import type { NoteSource } from "../../core/index/index-types";
import type { ObsidianNoteRepository } from "./obsidian-repository";

/**
 * The vault as the index reads it: the repository's listing and reads, plus each file's stat.
 * A note gone by the time it is read (deleted or renamed meanwhile) is null, so it drops out of
 * the index; one that exists but cannot be read is `unreadable`, so it is listed as skipped.
 */
export function obsidianNoteSource(app: App, repo: ObsidianNoteRepository): NoteSource {
  const fileAt = (path: string): TFile | null => {
    const file = app.vault.getAbstractFileByPath(path);
    return file instanceof TFile ? file : null;
  };
  return {
    listFiles: () => repo.listFiles(),
    async readNote(path) {
      const file = fileAt(path);
      if (!file) return null;
      try {
        const text = await repo.read(path);
        const { size, mtime, ctime } = file.stat;
        return { file: { path, size, mtime, ctime: ctime > 0 ? ctime : mtime }, text };
      } catch (error) {
        if (error instanceof NoteReadError && error.reason === "missing") return null;
        // Deleted between the lookup and the read: gone, not broken.
        if (!fileAt(path)) return null;
        return { unreadable: errorMessage(error) };
      }
    },
  };
}
