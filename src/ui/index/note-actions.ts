import { Keymap, TFile, type App } from "obsidian";

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

export async function openNote(app: App, path: string, evt: MouseEvent | KeyboardEvent | null, sourcePath = "", newTab = false): Promise<void> {
  await app.workspace.openLinkText(path, sourcePath, newTab ? "tab" : evt ? Keymap.isModEvent(evt) : false);
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
  const open = (evt: MouseEvent | KeyboardEvent): void => {
    onOpen?.();
    void openNote(app, path, evt, context.sourcePath, context.newTab);
  };
  rowEl.addEventListener("click", (evt) => {
    // Buttons inside the row (connect, link types) do their own thing.
    if ((evt.target as HTMLElement | null)?.closest("button")) return;
    open(evt);
  });
  rowEl.addEventListener("keydown", (evt) => {
    // Enter on the focused row itself (not on a button inside it), as in Obsidian's file lists.
    if (evt.key === "Enter" && evt.target === rowEl && !evt.isComposing) {
      evt.preventDefault();
      open(evt);
    }
  });
  rowEl.addEventListener("auxclick", (evt) => {
    if (evt.button === 1) open(evt);
  });
  rowEl.addEventListener("mouseover", (evt) => {
    app.workspace.trigger("hover-link", { event: evt, source: context.hoverSource, hoverParent: context.hoverParent, targetEl: rowEl, linktext: path, sourcePath: context.sourcePath });
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
