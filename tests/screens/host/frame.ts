/**
 * How a screen puts real UI into the page the way Obsidian shows it: a modal over a dimmed
 * workspace, a settings tab in its pane, a status bar at the bottom. Browser-side, for *.screen.ts.
 */
import type { Modal, PluginSettingTab } from "obsidian";
import { SettingTab } from "obsidian-test-mocks/obsidian";

/** Opens `modal` framed inside `root` (the mock's open() would close it on the next tick). */
export async function showModal(root: HTMLElement, modal: Modal): Promise<void> {
  root.appendChild(modal.containerEl);
  await modal.onOpen();
}

/** Shows a settings tab's display() in a settings pane inside `root`. */
export function showSettingTab(root: HTMLElement, tab: PluginSettingTab): void {
  root.appendChild(tab.containerEl);
  // The tab's own display(), as the settings window calls it (1.13 can render its definitions instead).
  SettingTab.fromOriginalType__(tab).renderTab__();
}

/** A status bar at the bottom of `root`, holding these items (as Plugin.addStatusBarItem gave them). */
export function showStatusBar(root: HTMLElement, items: HTMLElement[]): HTMLElement {
  const bar = root.createDiv("status-bar");
  for (const item of items) {
    item.addClass("status-bar-item");
    bar.appendChild(item);
  }
  return bar;
}
