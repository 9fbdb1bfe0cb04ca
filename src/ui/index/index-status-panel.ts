import { Modal, Setting, type App } from "obsidian";
import { format } from "date-fns";
import type { DownloadProgress } from "../../core/embed/asset-download";
import type { EmbedderUnavailable } from "../../core/embed/embedder";
import { DEFAULT_MODEL_ID } from "../../core/embed/model-source";
import { deviceLabel } from "../../core/embed/embed-device";
import { errorMessage } from "../../core/errors";
import type { IndexStatus } from "../../core/index/index-types";
import type { LifeBetterSettings } from "../../core/settings";
import { megabytes } from "./download-notice";

export type IndexPhase = "indexing" | "downloading" | "ready" | "full-text" | "unavailable";

/** The index as the plugin runs it (./plugin-index.ts), for the status panel. */
export interface IndexDetails {
  /** The status bar's line. */
  line: string;
  phase: IndexPhase;
  /** Bytes of the model so far, while it downloads. */
  download: DownloadProgress | null;
  /** Why search by meaning is off and what to do about it. */
  modelProblem: EmbedderUnavailable | null;
  /** When the index was last saved in this session (ms since the epoch). */
  lastSaved: number | null;
  /** The saved index was read back at start. */
  restored: boolean;
  /** The index can be started again (a build with a worker, not unloading). */
  canRestart: boolean;
}

/** What the panel reads and what its buttons do. */
export interface IndexPanelHost {
  readonly app: App;
  details(): IndexDetails;
  status(): Promise<IndexStatus | null>;
  settings(): LifeBetterSettings;
  onChange(listener: () => void): () => void;
  /** Builds the index again from the notes. */
  rebuild(): void;
  /** Starts again to fetch (or load) the model. */
  retryModel(): void;
  cancelDownload(): void;
}

const count = (n: number): string => n.toLocaleString("en-US");

/**
 * The status bar item's panel: how far the index is, whether search by meaning works (and why
 * not, with the fix), when it was last saved, what is left out; rebuild, fetch the model again or
 * cancel its download. Redrawn whenever the index changes while it is open.
 */
export class IndexStatusModal extends Modal {
  private stopListening: (() => void) | null = null;
  private status: IndexStatus | null = null;
  /** The worker answered at least once (while it builds the index, it answers after). */
  private counted = false;
  private statusProblem: string | null = null;
  private closed = false;
  private counting: Promise<void> | null = null;
  private countAgain = false;

  constructor(private readonly host: IndexPanelHost) {
    super(host.app);
  }

  override onOpen(): Promise<void> {
    this.setTitle("Search index");
    this.contentEl.addClass("lifebetter-index-panel");
    this.stopListening = this.host.onChange(() => void this.refresh());
    return this.refresh();
  }

  override onClose(): void {
    this.closed = true;
    this.stopListening?.();
    this.stopListening = null;
    this.contentEl.empty();
  }

  /** Redraws at once and again with fresh counts; changes during a count share the next one. */
  refresh(): Promise<void> {
    this.draw();
    if (this.counting) {
      this.countAgain = true;
      return this.counting;
    }
    this.counting = this.count().finally(() => {
      this.counting = null;
      if (this.countAgain && !this.closed) {
        this.countAgain = false;
        void this.refresh();
      }
    });
    return this.counting;
  }

  private async count(): Promise<void> {
    try {
      this.status = await this.host.status();
      this.statusProblem = null;
      this.counted = true;
    } catch (error) {
      this.status = null;
      this.statusProblem = errorMessage(error);
    }
    if (!this.closed) this.draw();
  }

  private draw(): void {
    const { contentEl } = this;
    const details = this.host.details();
    const settings = this.host.settings();
    contentEl.empty();

    new Setting(contentEl)
      .setName("State")
      .setDesc(details.line)
      .addExtraButton((button) =>
        button
          .setIcon("refresh-cw")
          .setTooltip("Refresh")
          .onClick(() => void this.refresh()),
      );
    new Setting(contentEl).setName("Notes indexed").setDesc(this.notesText());
    this.modelRow(contentEl, details, settings);
    new Setting(contentEl).setName("Last saved").setDesc(savedText(details));
    const excluded = settings.excludedFolders.length;
    new Setting(contentEl)
      .setName("Excluded folders")
      .setDesc(
        excluded === 0
          ? "None: every folder is indexed."
          : `${excluded} ${excluded === 1 ? "folder" : "folders"} left out (${settings.excludedFolders.join(", ")}).`,
      );

    const buttons = contentEl.createDiv({ cls: "modal-button-container" });
    if (details.canRestart && details.phase !== "downloading") {
      const rebuild = buttons.createEl("button", { text: "Rebuild index" });
      rebuild.disabled = details.phase === "indexing";
      rebuild.addEventListener("click", () => this.host.rebuild());
    }
    buttons.createEl("button", { text: "Close" }).addEventListener("click", () => this.close());
  }

  private notesText(): string {
    if (this.statusProblem !== null) return `Could not read the index: ${this.statusProblem}`;
    const status = this.status;
    if (!status) return this.counted ? "No index is running." : "Counting…";
    const parts = [`${count(status.notes)} ${status.notes === 1 ? "note" : "notes"}`];
    if (status.pendingEmbeddings > 0) parts.push(`${count(status.pendingEmbeddings)} waiting for search by meaning`);
    if (status.skipped.length > 0) parts.push(`${count(status.skipped.length)} skipped (${status.skipped[0]?.reason ?? ""})`);
    return parts.join(" · ");
  }

  private modelRow(containerEl: HTMLElement, details: IndexDetails, settings: LifeBetterSettings): void {
    const model = settings.embeddingModel === "" ? `${DEFAULT_MODEL_ID} (downloaded once)` : `From the vault folder ${settings.embeddingModel}`;
    const row = new Setting(containerEl).setName("Search by meaning").setClass("lifebetter-index-model");
    const desc = row.descEl;
    desc.empty();
    desc.createDiv({ text: model });
    if (details.phase === "downloading") {
      const progress = details.download;
      const known = progress && progress.total >= progress.overall && progress.total > 0;
      desc.createDiv({ text: progress ? `Downloading: ${megabytes(progress.overall)}${known ? ` of ${megabytes(progress.total)}` : ""}` : "Downloading…" });
      if (known) desc.createEl("progress", { attr: { max: String(progress.total), value: String(progress.overall), "aria-label": "Model download" } });
      row.addButton((button) => button.setButtonText("Cancel download").onClick(() => this.host.cancelDownload()));
      return;
    }
    const problem = details.modelProblem;
    if (!problem) {
      const embeddings = this.status?.embeddings;
      const ready = embeddings?.state === "ready" ? readyText(embeddings) : null;
      // While meaning is computed the model is loaded: the panel says where it runs from then on.
      desc.createDiv({ text: ready ?? (details.phase === "ready" ? "Ready." : "Not loaded yet.") });
      if (embeddings?.state === "ready" && embeddings.deviceNote) desc.createDiv({ cls: "lifebetter-index-device-note", text: `${embeddings.deviceNote}.` });
      return;
    }
    desc.createDiv({ cls: "lifebetter-index-problem", text: `Off: ${problem.reason}.` });
    desc.createDiv({ text: problem.fix });
    // Off by choice needs the setting, not a retry.
    if (!settings.semanticIndex || !details.canRestart) return;
    row.addButton((button) =>
      button
        .setButtonText(settings.embeddingModel === "" ? "Download model" : "Load model again")
        .setCta()
        .onClick(() => this.host.retryModel()),
    );
  }
}

function savedText(details: IndexDetails): string {
  if (details.lastSaved !== null) return `${format(details.lastSaved, "d MMM yyyy, HH:mm")}, on this device.`;
  return details.restored ? "Read back from this device at start; nothing new to save yet." : "Not saved yet.";
}

/** "Ready · WebGPU (graphics card)." or "Ready · WASM (CPU) · 3 embedding workers." */
function readyText(embeddings: Extract<IndexStatus["embeddings"], { state: "ready" }>): string {
  const parts = ["Ready"];
  if (embeddings.device === "webgpu" || embeddings.device === "wasm") parts.push(deviceLabel(embeddings.device));
  const workers = embeddings.workers ?? 1;
  if (workers > 1) parts.push(`${workers} embedding workers`);
  return `${parts.join(" · ")}.`;
}
