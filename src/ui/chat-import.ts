import { Notice, type App } from "obsidian";
import { chatImportSummary, importChats, type ChatImportReport } from "../core/chats/import-chats";
import { errorMessage } from "../core/errors";
import type { LifeBetterSettings } from "../core/settings";
import type { NoteRepository } from "../core/vault/repository";
import { fileChunks, pickFile } from "./pick-file";

export interface ChatImportHost {
  app: App;
  repo: NoteRepository;
  settings(): LifeBetterSettings;
}

const MB = 1024 * 1024;
const SUMMARY_MS = 15_000;

/** The progress notice's content: what is being read, how far, and a cancel button. */
export function chatProgressContent(root: HTMLElement | DocumentFragment, name: string, cancel: () => void): (bytes: number, total: number) => void {
  const box = root.createDiv({ cls: "lifebetter-chat-progress" });
  box.createDiv({ cls: "lifebetter-chat-progress-title", text: `Importing AI conversations from ${name}` });
  const bar = box.createEl("progress", { attr: { max: "100", value: "0" } });
  const label = box.createDiv({ cls: "lifebetter-chat-progress-label", text: "Starting…" });
  const button = box.createEl("button", { text: "Cancel" });
  button.addEventListener("click", (event) => {
    event.stopPropagation(); // a click on a notice would dismiss it: keep it until the import stops
    button.disabled = true;
    button.setText("Cancelling…");
    cancel();
  });
  return (bytes, total) => {
    const percent = total > 0 ? Math.min(100, Math.round((bytes / total) * 100)) : 0;
    bar.value = percent;
    label.setText(`${percent}% · ${(bytes / MB).toFixed(1)} of ${(total / MB).toFixed(1)} MB read`);
  };
}

/** Streams the chosen export into notes with a progress notice that can cancel; resolves to the report. */
export async function runChatImport(host: ChatImportHost, file: Blob, name: string): Promise<ChatImportReport | null> {
  const controller = new AbortController();
  let update: (bytes: number, total: number) => void = () => undefined;
  const notice = new Notice(
    createFragment((root) => {
      update = chatProgressContent(root, name, () => controller.abort());
    }),
    0,
  );
  try {
    const report = await importChats(host.repo, host.settings(), fileChunks(file), {
      totalBytes: file.size,
      signal: controller.signal,
      onProgress: (bytes) => update(bytes, file.size),
      // Give the app a frame between chunks so a 100 MB export never freezes it.
      yieldToUi: () => new Promise((resolve) => window.setTimeout(resolve, 0)),
    });
    notice.hide();
    new Notice(chatImportSummary(report).slice(-2).join(" "), SUMMARY_MS);
    return report;
  } catch (error) {
    notice.hide();
    new Notice(`The import stopped: ${errorMessage(error)}. The conversations imported so far are kept.`, SUMMARY_MS);
    return null;
  }
}

/** "Import AI conversations": the device's file picker, then the streamed import. */
export async function importChatsFromDevice(host: ChatImportHost): Promise<ChatImportReport | null> {
  const file = await pickFile(".json,.jsonl,application/json");
  return file ? runChatImport(host, file, file.name) : null;
}
