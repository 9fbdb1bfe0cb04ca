import { Keymap, Notice, TFile, getLinkpath, normalizePath, type App, type OpenViewState, type PaneType, type UserEvent } from "obsidian";
import { parseWikilink } from "../../core/codec/wikilinks";
import { noteName } from "../../core/vault/paths";

/**
 * Where a note opens: a new tab, split or window, or `false` for the leaf Obsidian picks for a
 * plain click (the active note's leaf, or an existing one when a LifeBetter view is active).
 */
export type OpenHow = PaneType | false;

/**
 * Obsidian's own modifier rules, so every link and row in LifeBetter behaves like the file
 * explorer: Ctrl/Cmd → new tab, Ctrl/Cmd+Alt → split, Ctrl/Cmd+Alt+Shift → window, middle click →
 * new tab, plain → same leaf.
 */
export function openHow(evt: UserEvent | null | undefined): OpenHow {
  const pane = Keymap.isModEvent(evt);
  return pane === true ? "tab" : pane;
}

export interface OpenNoteOptions {
  /** The note a relative link is resolved from ("" for none). */
  sourcePath?: string;
  /** Obsidian's open state, e.g. `{ active: true }` to move the focus into the note. */
  state?: OpenViewState;
}

/** The link text for `target`: a path, a link text (`Note#Heading`) or a wikilink (`[[Note|alias]]`). */
function linkTextOf(target: string): string {
  const link = parseWikilink(target);
  if (!link) return target.trim();
  return link.subpath ? `${link.target}#${link.subpath}` : link.target;
}

/**
 * Opens a note: `target` is a file, a vault path, a link text or a wikilink; `how` is where (or the
 * click or key event that says where, by `openHow`). A note that no longer exists is never created
 * by accident (Obsidian's link opener would): the user is told instead. Resolves to whether it opened.
 */
export async function openNote(app: App, target: string | TFile, how: OpenHow | UserEvent | null = false, options: OpenNoteOptions = {}): Promise<boolean> {
  const pane = how !== false && typeof how === "object" ? openHow(how) : (how ?? false);
  const sourcePath = options.sourcePath ?? "";
  const text = target instanceof TFile ? target.path : linkTextOf(target);
  const exact = app.vault.getAbstractFileByPath(normalizePath(text));
  const file = exact instanceof TFile ? exact : app.metadataCache.getFirstLinkpathDest(getLinkpath(text), sourcePath);
  if (!file) {
    new Notice(`"${noteName(getLinkpath(text))}" no longer exists: it was deleted or renamed.`);
    return false;
  }
  const linkText = exact instanceof TFile ? exact.path : text;
  if (options.state) await app.workspace.openLinkText(linkText, sourcePath, pane, options.state);
  else await app.workspace.openLinkText(linkText, sourcePath, pane);
  return true;
}

/** Elements inside a row that do their own thing when clicked. */
const OWN_CONTROLS = "button, a, input, select, textarea, label";

/**
 * Makes `el` open what it stands for the way Obsidian's lists do: a click (with Obsidian's modifier
 * rules), a middle click (new tab), and when it has the focus, Enter (Ctrl/Cmd+Enter: new tab), and
 * Space too where the element is a button-like row (`space`). Buttons and links inside `el` keep
 * their own clicks. `open` gets where to open and the event.
 */
export function onOpenGesture(el: HTMLElement, open: (how: OpenHow, evt: MouseEvent | KeyboardEvent) => void, options: { space?: boolean } = {}): void {
  const ownControl = (evt: Event): boolean => {
    const inner = (evt.target as HTMLElement | null)?.closest?.(OWN_CONTROLS);
    return inner != null && inner !== el && el.contains(inner);
  };
  el.addEventListener("click", (evt) => {
    if (ownControl(evt)) return;
    evt.preventDefault();
    open(openHow(evt), evt);
  });
  el.addEventListener("auxclick", (evt) => {
    if (evt.button !== 1 || ownControl(evt)) return;
    evt.preventDefault();
    open("tab", evt);
  });
  el.addEventListener("keydown", (evt) => {
    if (evt.target !== el || evt.isComposing) return;
    if (evt.key !== "Enter" && !(options.space && evt.key === " ")) return;
    // Handled here (not by the browser's click for Enter) so that Ctrl/Cmd+Enter opens a new tab.
    evt.preventDefault();
    open(openHow(evt), evt);
  });
}
