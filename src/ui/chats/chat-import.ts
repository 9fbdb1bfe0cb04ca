import { Notice } from "obsidian";
import { chatImportSummary, importChats, knownConversations, type ChatImportReport } from "../../core/chats/import-chats";
import { enrichConversations, enrichSummary, problemSuggestionLines, type EnrichOptions, type EnrichReport } from "../../core/chats/enrich-conversations";
import { mergeChatReports } from "../../core/chats/merge-reports";
import { errorMessage } from "../../core/errors";
import { fileChunks, pickFiles } from "../common/pick-file";
import type { IndexAccess, VaultContext } from "../plugin-context";

/** The chat import's context: the vault, and how close a text is in meaning to each problem (absent: by words). */
export type ChatImportContext = VaultContext & { problemMeaning?: EnrichOptions["meaning"] };

/** The index's meaning scores for the chat import, asked when they are needed (the index starts later); null while it cannot answer. */
export function withProblemMeaning(context: VaultContext & { index: IndexAccess }): ChatImportContext {
  return {
    ...context,
    problemMeaning: (text) => {
      const availability = context.index.availability();
      return availability.state === "ready" ? availability.queries.problemMeaning(text) : Promise.resolve(null);
    },
  };
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

/** The problems an import only suggests (not clearly the one): shown so the person can link them. */
export function showSuggestionNotice(memory: EnrichReport | undefined): void {
  const lines = problemSuggestionLines(memory);
  if (lines.length > 0) new Notice(lines.slice(0, 5).join("\n") + (lines.length > 5 ? `\n…and ${lines.length - 5} more.` : ""), SUMMARY_MS);
}

function showImportNotices(report: ChatImportReport): void {
  new Notice(chatImportSummary(report).slice(-2).join(" "), SUMMARY_MS);
  showSuggestionNotice(report.memory);
}

export interface ChatImportRun {
  /** The conversations already in the vault, shared by the files of one import. */
  known?: Set<string>;
  /** Show the summary notice at the end (off while several files are imported: one summary for all). */
  summary?: boolean;
  /** Write the conversations' memory after the file (off while several files are imported: once at the end). */
  enrich?: boolean;
}

/** Streams the chosen export into notes with a progress notice that can cancel; resolves to the report. */
export async function runChatImport(host: ChatImportContext, file: Blob, name: string, run: ChatImportRun = {}): Promise<ChatImportReport | null> {
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
      known: run.known,
      enrich: run.enrich,
      meaning: host.problemMeaning,
      // Give the app a frame between chunks so a 100 MB export never freezes it.
      yieldToUi: () => new Promise((resolve) => window.setTimeout(resolve, 0)),
    });
    notice.hide();
    if (run.summary !== false) showImportNotices(report);
    return report;
  } catch (error) {
    notice.hide();
    new Notice(`The import stopped: ${errorMessage(error)}. The conversations imported so far are kept.`, SUMMARY_MS);
    return null;
  }
}

/**
 * Imports several files in a row (Claude Code keeps one transcript per session), each with its
 * progress notice, then one summary; a cancel or a failure stops before the next file.
 */
export async function runChatImports(host: ChatImportContext, files: readonly File[]): Promise<ChatImportReport | null> {
  const [only] = files;
  if (!only) return null;
  if (files.length === 1) return runChatImport(host, only, only.name);
  const known = await knownConversations(host.repo, host.settings());
  const reports: { file: string; report: ChatImportReport }[] = [];
  for (const [index, file] of files.entries()) {
    const report = await runChatImport(host, file, `${file.name} (${index + 1} of ${files.length})`, { known, summary: false, enrich: false });
    if (!report) break;
    reports.push({ file: file.name, report });
    if (report.cancelled) break;
  }
  const merged = mergeChatReports(reports);
  if (merged.created.length > 0) {
    try {
      merged.memory = await enrichConversations(host.repo, host.settings(), { paths: new Set(merged.created), meaning: host.problemMeaning });
    } catch (error) {
      new Notice(
        `The conversations were imported, but their summaries and links were not written: ${errorMessage(error)}. Run "Enrich imported conversations" to try again.`,
        SUMMARY_MS,
      );
    }
  }
  const left = files.length - reports.length;
  new Notice(`${chatImportSummary(merged).slice(-2).join(" ")}${left > 0 ? ` ${left} of ${files.length} files were not read.` : ""}`, SUMMARY_MS);
  showSuggestionNotice(merged.memory);
  return merged;
}

/** "Enrich imported conversations": fills the memory of conversations imported before, with a notice of what it did. */
export async function enrichImportedConversations(host: ChatImportContext): Promise<EnrichReport | null> {
  const working = new Notice("Enriching imported conversations…", 0);
  try {
    const report = await enrichConversations(host.repo, host.settings(), { meaning: host.problemMeaning });
    working.hide();
    const lines = enrichSummary(report);
    new Notice(lines[lines.length - 1] ?? "", SUMMARY_MS);
    showSuggestionNotice(report);
    if (report.failed.length > 0) new Notice(report.failed.map((failure) => `${failure.path} was not updated: ${failure.reason}`).join("\n"), SUMMARY_MS);
    return report;
  } catch (error) {
    working.hide();
    new Notice(`The conversations could not be enriched: ${errorMessage(error)}`, SUMMARY_MS);
    return null;
  }
}

/** "Import AI conversations": the device's file picker (one export, or several transcripts), then the streamed import. */
export async function importChatsFromDevice(host: ChatImportContext): Promise<ChatImportReport | null> {
  return runChatImports(host, await pickFiles(".json,.jsonl,application/json"));
}
