import { TFile, type App } from "obsidian";
import { onOpenGesture, openNote } from "../common/open-note";

/**
 * What a note row in the memory views does, as Obsidian's own file lists do: click opens (mod-click
 * or middle-click in a new tab), hover with the page-preview modifier shows the preview, dragging
 * carries a link to drop into the editor.
 */
export interface NoteRowContext {
  app: App;
  /** The hover-link source id registered by the plugin (see register-memory-views.ts). */
  hoverSource: string;
  /** The component the preview belongs to (the view or modal). */
  hoverParent: unknown;
  /** The note links are made relative to (the active note), "" for none. */
  sourcePath: string;
  /** Always open in a new tab (the capture modal keeps the user's place). */
  newTab?: boolean;
}

/** Obsidian's drag manager: not in the public API, so used only when present. */
interface DragManager {
  dragFile(evt: DragEvent, file: TFile, source?: string): unknown;
  onDragStart(evt: DragEvent, dragData: unknown): void;
}

/** The link the user would type for `path` from `sourcePath` (their link format: wikilink or Markdown). */
export function linkFor(app: App, path: string, sourcePath: string): string {
  const file = app.vault.getAbstractFileByPath(path);
  if (!(file instanceof TFile)) return `[[${path.replace(/\.md$/, "")}]]`;
  return app.fileManager.generateMarkdownLink(file, sourcePath);
}

/** The link text to store in a property for `path` (shortest unambiguous name, no extension). */
export function linkTextFor(app: App, path: string, sourcePath: string): string {
  const file = app.vault.getAbstractFileByPath(path);
  return file instanceof TFile ? app.metadataCache.fileToLinktext(file, sourcePath, true) : path.replace(/\.md$/, "");
}

/** Wires click, middle-click, hover preview and drag on a row that stands for the note at `path`. */
export function wireNoteRow(rowEl: HTMLElement, path: string, context: NoteRowContext, onOpen?: () => void): void {
  const { app } = context;
  // Buttons inside the row (connect, link types) do their own thing.
  onOpenGesture(rowEl, (how) => {
    onOpen?.();
    void openNote(app, path, context.newTab ? "tab" : how, { sourcePath: context.sourcePath });
  });
  rowEl.addEventListener("mouseover", (evt) => {
    app.workspace.trigger("hover-link", {
      event: evt,
      source: context.hoverSource,
      hoverParent: context.hoverParent,
      targetEl: rowEl,
      linktext: path,
      sourcePath: context.sourcePath,
    });
  });
  rowEl.setAttribute("draggable", "true");
  rowEl.addEventListener("dragstart", (evt) => {
    const file = app.vault.getAbstractFileByPath(path);
    const manager = (app as unknown as { dragManager?: DragManager }).dragManager;
    if (manager && file instanceof TFile) {
      manager.onDragStart(evt, manager.dragFile(evt, file, context.hoverSource));
      return;
    }
    evt.dataTransfer?.setData("text/plain", linkFor(app, path, context.sourcePath));
  });
}
