import { TFile, type App } from "obsidian";
import { splitNote } from "../../core/codec/frontmatter";
import { NoteReadError, errorMessage } from "../../core/errors";
import type { NoteSource } from "../../core/index/index-types";
import type { ObsidianNoteRepository } from "./obsidian-repository";

/**
 * The vault as the index reads it: the repository's listing and reads, plus each file's stat.
 * A note gone by the time it is read (deleted or renamed meanwhile) is null, so it drops out of
 * the index; one that exists but cannot be read is `unreadable`, so it is listed as skipped.
 * The note's frontmatter comes from Obsidian's metadataCache, which has parsed it already, so the
 * index worker does not parse the YAML again.
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
        const properties = cachedProperties(app, file, text);
        return { file: { path, size, mtime, ctime: ctime > 0 ? ctime : mtime }, text, ...(properties ? { properties } : {}) };
      } catch (error) {
        if (error instanceof NoteReadError && error.reason === "missing") return null;
        // Deleted between the lookup and the read: gone, not broken.
        if (!fileAt(path)) return null;
        return { unreadable: errorMessage(error) };
      }
    },
  };
}

/**
 * The frontmatter Obsidian parsed for this note, when it has it for a text with frontmatter. A note
 * whose YAML Obsidian could not read has none in the cache: the index parses it and says why. A
 * cache one edit behind is caught up: the index re-reads a note when its cache changes.
 */
function cachedProperties(app: App, file: TFile, text: string): Record<string, unknown> | undefined {
  const frontmatter = app.metadataCache.getFileCache(file)?.frontmatter;
  const parts = splitNote(text);
  if (!frontmatter || "problem" in parts || parts.yaml === null) return undefined;
  // A copy: it crosses to the index worker, and Obsidian's object must stay as Obsidian keeps it.
  return { ...(frontmatter as Record<string, unknown>) };
}
