import { TFile, type App, type Component } from "obsidian";
import { isRecordKind } from "../../core/schema/kinds";

/** What happened to a record: its note was edited (at `path`), or notes were deleted or renamed. */
export type RecordChange = { kind: "edited"; path: string } | { kind: "moved" };

/**
 * Calls `changed` when a LifeBetter record is edited, deleted or renamed: a note that is a record now, or
 * was one when the view last read them (`wasRecord`). Typing in an ordinary note calls nothing, so a view
 * that re-reads the records does not read the whole vault after every save of every note.
 */
export function onRecordChange(view: Component, app: App, wasRecord: (path: string) => boolean, changed: (change: RecordChange) => void): void {
  const { vault, metadataCache } = app;
  const isRecordNow = (file: TFile): boolean => isRecordKind(metadataCache.getFileCache(file)?.frontmatter?.kind);
  view.registerEvent(
    metadataCache.on("changed", (file, _data, cache) => {
      if (isRecordKind(cache.frontmatter?.kind) || wasRecord(file.path)) changed({ kind: "edited", path: file.path });
    }),
  );
  view.registerEvent(vault.on("delete", (file) => wasRecord(file.path) && changed({ kind: "moved" })));
  view.registerEvent(
    vault.on("rename", (file, oldPath) => {
      if (wasRecord(oldPath) || (file instanceof TFile && isRecordNow(file))) changed({ kind: "moved" });
    }),
  );
}
