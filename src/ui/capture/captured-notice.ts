import { Notice, type App } from "obsidian";
import type { CapturedEntry } from "../../core/capture/capture-entry";
import { noteName } from "../../core/vault/paths";
import { onOpenGesture, openNote } from "../common/open-note";

const NOTICE_MS = 8000;

/** Tells the user where the entry went, with a button to open it. */
export function showCapturedNotice(app: App, entry: CapturedEntry, type: string): Notice {
  const fragment = createFragment((root) => {
    root.createSpan({ text: `Captured ${type}: ${noteName(entry.path)}` });
    const open = root.createEl("button", { cls: "lifebetter-notice-open", text: "Open" });
    onOpenGesture(open, (how) => void openNote(app, entry.path, how));
  });
  return new Notice(fragment, NOTICE_MS);
}
