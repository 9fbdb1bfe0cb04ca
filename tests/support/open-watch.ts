import type { App } from "obsidian";

/** The modifier a user holds for "open in a new tab" (Ctrl on Windows and Linux, Cmd on macOS: both set, as the mock reads either). */
export const NEW_TAB = { ctrlKey: true, metaKey: true } as const;

/** A click on `el` as a user makes it, with modifiers. */
export function clickWith(el: Element, modifiers: MouseEventInit = {}): void {
  el.dispatchEvent(new MouseEvent("click", { bubbles: true, cancelable: true, ...modifiers }));
}

/** A key pressed on `el` (which has the focus). */
export function pressOn(el: Element, key: string, modifiers: KeyboardEventInit = {}): void {
  el.dispatchEvent(new KeyboardEvent("keydown", { key, bubbles: true, cancelable: true, ...modifiers }));
}

/** Lets an opening started by a click settle (it awaits the workspace). */
export async function settleOpen(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * What a gesture opened in the (mock) workspace: the note that became active and how many new
 * leaves (tabs) it took for notes.
 */
export async function opened(app: App, gesture: () => void): Promise<{ note: string | null; newTabs: number }> {
  const tabs = () => app.workspace.getLeavesOfType("").length;
  const before = tabs();
  gesture();
  await settleOpen();
  return { note: app.workspace.getActiveFile()?.path ?? null, newTabs: tabs() - before };
}
