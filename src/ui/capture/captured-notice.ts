import { Notice, TFile, type App } from "obsidian";
import type { CapturedEntry } from "../../core/capture/capture-entry";
import { noteName } from "../../core/vault/paths";

const NOTICE_MS = 8000;

/** Tells the user where the entry went, with a button to open it. */
export function showCapturedNotice(app: App, entry: CapturedEntry, type: string): Notice {
  const fragment = createFragment((root) => {
    root.createSpan({ text: `Captured ${type}: ${noteName(entry.path)}` });
    const open = root.createEl("button", { cls: "lifebetter-notice-open", text: "Open" });
    open.addEventListener("click", () => {
      const file = app.vault.getAbstractFileByPath(entry.path);
      if (file instanceof TFile) void app.workspace.getLeaf(false).openFile(file);
    });
  });
  return new Notice(fragment, NOTICE_MS);
}
