import { Notice, Platform, type App } from "obsidian";
import { embeddingWorkerCount, extractionWorkerCount } from "../../core/embed/embedder-pool";
import { chooseEmbeddingDevice, type GpuLike } from "../../core/embed/embed-device";
import type { DownloadProgress } from "../../core/embed/asset-download";
import type { EmbedderUnavailable } from "../../core/embed/embedder";
import { errorMessage } from "../../core/errors";
import type { IndexClient } from "../../core/index/index-client";
import type { IndexStatus } from "../../core/index/index-types";
import type { IndexStorage } from "../../core/index/persistence";
import type { WorkerConfig } from "../../core/index/worker-protocol";
import type { LifeBetterSettings } from "../../core/settings";
import { DownloadNotice } from "./download-notice";
import type { IndexDetails, IndexPhase } from "./index-status-panel";
import { downloadingText, fullTextOnlyText } from "../../core/index/status-text";
import { IndexHost } from "../../adapters/obsidian/index-host";
import type { IndexServices } from "../../adapters/obsidian/default-index-services";
import { prepareModelAssets } from "../../adapters/obsidian/model-assets";
import { obsidianNoteSource } from "../../adapters/obsidian/obsidian-note-source";
import type { ObsidianNoteRepository } from "../../adapters/obsidian/obsidian-repository";

export type { IndexServices };

export interface PluginIndexOptions {
  app: App;
  repo: ObsidianNoteRepository;
  pluginDir: string;
  settings: () => LifeBetterSettings;
  showStatus: (text: string) => void;
  services: IndexServices;
  /** WebGPU as the device offers it (default: navigator.gpu); tests give their own. */
  gpu?: GpuLike;
}

/** The engine's WebGPU entry point, when it has one. */
function gpuOfNavigator(): GpuLike | undefined {
  return (navigator as Navigator & { gpu?: GpuLike }).gpu;
}

const PROBLEM_NOTICE_MS = 15_000;
/** Why a first start's index has no model yet (its download's progress has the status line meanwhile). */
const MODEL_DOWNLOADING = "the search model is downloading";
const SEMANTIC_OFF: EmbedderUnavailable = {
  reason: "search by meaning is off in settings",
  fix: "Turn on search by meaning under Settings → LifeBetter → Search index.",
};

/** Storage whose saved index is ignored once, so the next open builds it again from the notes. */
function ignoringSavedIndex(storage: IndexStorage): IndexStorage {
  let ignored = false;
  return {
    read: () => {
      if (ignored) return storage.read();
      ignored = true;
      return Promise.resolve(null);
    },
    writeAtomic: (bytes) => storage.writeAtomic(bytes),
  };
}

/**
 * The plugin's index from start to end: gets the model ready (download once, or a local folder),
 * starts the worker through IndexHost, and stops both on unload. Any model problem leaves full-text
 * search running and is told once, in a notice, and in the status bar.
 */
export class PluginIndex {
  private host: IndexHost | null = null;
  private cancel = new AbortController();
  private download: DownloadNotice | null = null;
  private progress: DownloadProgress | null = null;
  private stopped = false;
  private opening = false;
  /** The worker could not start (or there is none in this build). */
  private failed = false;
  private line = "Search index starting…";
  private modelProblem: EmbedderUnavailable | null = null;
  private restarting: Promise<void> | null = null;
  private readonly listeners = new Set<() => void>();
  private readonly searchableListeners = new Set<() => void>();

  constructor(private readonly options: PluginIndexOptions) {}

  /** What the status panel shows; `onChange` listeners hear of every change. */
  details(): IndexDetails {
    return {
      line: this.line,
      phase: this.phase(),
      download: this.progress,
      modelProblem: this.modelProblem,
      lastSaved: this.host?.lastSaved ?? null,
      restored: this.host?.restored ?? false,
      canRestart: this.options.services.startWorker !== null && !this.stopped,
    };
  }

  /** Calls `listener` whenever details() changes; returns how to stop. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The index's counts, or null when no worker runs. */
  async status(): Promise<IndexStatus | null> {
    return (await this.client?.status()) ?? null;
  }

  private phase(): IndexPhase {
    if (this.failed || this.stopped) return "unavailable";
    if (this.download) return "downloading";
    if (this.opening || !this.host) return "indexing";
    return this.modelProblem ? "full-text" : "ready";
  }

  private show(text: string): void {
    if (this.stopped) return;
    this.line = text;
    this.options.showStatus(text);
    this.changed();
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }

  get client(): IndexClient | null {
    return this.host?.client ?? null;
  }

  /** Vault events go here from the moment start() is called (see search-index-feature.ts). */
  get events(): Pick<IndexHost, "created" | "modified" | "deleted" | "renamed"> | null {
    return this.host;
  }

  async start(): Promise<void> {
    return this.open(false);
  }

  /**
   * Stops the worker (saving the index) and starts again: to fetch the model after a cancelled or
   * failed download, or with `rebuild` to build the index again from the notes.
   */
  restart(rebuild = false): Promise<void> {
    this.restarting ??= this.reopen(rebuild).finally(() => (this.restarting = null));
    return this.restarting;
  }

  /** Calls `listener` when full text is built and meaning is being computed (searches work from then). */
  onSearchable(listener: () => void): void {
    this.searchableListeners.add(listener);
  }

  /** Whether the first index is computing meaning now, paused, or neither. */
  embeddingState(): "running" | "paused" | "none" {
    const host = this.host;
    if (!host?.embedding) return "none";
    return host.paused ? "paused" : "running";
  }

  async pauseEmbedding(): Promise<void> {
    await this.host?.pause();
    this.changed();
  }

  async resumeEmbedding(): Promise<void> {
    await this.host?.resume();
    this.changed();
  }

  /** The user typed, clicked or edited: with "only while idle", meaning waits for quiet (see IndexHost.userActive). */
  userActive(): void {
    this.host?.userActive();
  }

  /** Computes the meaning of this note next, while the first index is under way (the note just opened). */
  prioritize(path: string): void {
    this.host?.prioritize(path);
  }

  /** Stops a model download in progress; the index goes on with full text. */
  cancelDownload(): void {
    this.cancel.abort();
  }

  private async reopen(rebuild: boolean): Promise<void> {
    if (this.stopped || !this.options.services.startWorker) return;
    this.cancel.abort();
    this.hideDownload();
    const host = this.host;
    this.host = null;
    this.changed();
    if (host) await host.stop();
    if (this.stopped) return;
    this.cancel = new AbortController();
    await this.open(rebuild);
  }

  private async open(rebuild: boolean): Promise<void> {
    const { services } = this.options;
    if (!services.startWorker) {
      this.failed = true;
      this.show("Search index unavailable — this build has no index worker");
      return;
    }
    this.failed = false;
    this.modelProblem = null;
    this.opening = true;
    const storage = services.storage();
    const host = new IndexHost({
      startWorker: services.startWorker,
      source: obsidianNoteSource(this.options.app, this.options.repo),
      storage: rebuild ? ignoringSavedIndex(storage) : storage,
      // A download's progress has the line while it runs (the index may build its full text meanwhile).
      showStatus: (text) => this.host === host && !this.download && this.show(text),
      idleQuietMs: () => (this.options.settings().embedOnlyWhenIdle ? this.options.settings().idleSeconds * 1000 : null),
      onSearchable: () => {
        if (this.host === host) this.searchable();
      },
    });
    this.host = host;
    this.show(rebuild ? "Rebuilding the index…" : "Search index starting…");
    try {
      await this.openHost(host);
    } finally {
      this.opening = false;
      if (this.host === host) this.changed();
    }
  }

  private async openHost(host: IndexHost): Promise<void> {
    const { settings } = this.options;
    const config: WorkerConfig = {
      model: null,
      excludedFolders: settings().excludedFolders,
      embedWorkers: embeddingWorkerCount(settings().embeddingWorkers, navigator.hardwareConcurrency || 1, Platform.isMobile),
      embedHere: Platform.isMobile,
      extractWorkers: extractionWorkerCount(settings().embeddingWorkers, navigator.hardwareConcurrency || 1, Platform.isMobile),
    };
    // While the model downloads (a first start), the index builds its full text without it, so
    // searching by words works meanwhile; with the files in, it restarts with the model, restoring
    // that full text from the saved index (see restoreIndex) and computing meaning.
    const early: { withoutModel?: Promise<void> } = {};
    const fullTextMeanwhile = (): void => {
      early.withoutModel ??= this.openWith(host, { ...config }, MODEL_DOWNLOADING).then(() => {
        if (this.host === host) this.searchable();
      });
    };
    // Chosen before the download: only WebGPU needs its runtime's WASM.
    const device = settings().semanticIndex ? await chooseEmbeddingDevice(settings().embeddingDevice, this.options.gpu ?? gpuOfNavigator()) : null;
    const model = device ? await this.model(host, device.device === "webgpu", fullTextMeanwhile) : this.off();
    if (early.withoutModel) {
      await early.withoutModel;
      if (this.stopped || this.host !== host) return;
      // (Not restart(): this may run inside one, which would wait for itself.)
      if (model.ok) await this.reopen(false);
      else await host.noModelBecause(model.reason);
      return;
    }
    if (this.stopped || this.host !== host) return;
    if (model.ok && device) {
      config.model = model.model;
      config.modelFiles = model.modelFiles;
      const gpuReady = device.device === "webgpu" && model.modelFiles.gpuWasmBinary !== undefined;
      config.device = gpuReady ? "webgpu" : "wasm";
      const note = device.fallback ?? (model.gpuProblem ? `WebGPU is not used: ${model.gpuProblem}` : undefined);
      if (note) config.deviceNote = note;
    }
    await this.openWith(host, config, model.ok ? null : model.reason);
    // The files were there but the worker could not load them (damaged, not a sentence model).
    const embeddings = model.ok && !this.failed ? (await host.client?.status())?.embeddings : undefined;
    if (embeddings?.state === "unavailable" && !this.stopped) this.tellOnce(embeddings);
  }

  /** Opens the worker with `config`; a worker that fails leaves the index unavailable, and says why. */
  private async openWith(host: IndexHost, config: WorkerConfig, fullTextReason: string | null): Promise<void> {
    try {
      await host.open(config, fullTextReason);
    } catch (error) {
      if (this.stopped || this.host !== host) return;
      console.error("LifeBetter: the search index could not start", error);
      this.failed = true;
      this.show(`Search index unavailable — ${errorMessage(error)}`);
      // No half-started worker is left for the views to call.
      this.host = null;
      await host.stop();
    }
  }

  /** Tells the views that searches work (full text is built). */
  private searchable(): void {
    for (const listener of this.searchableListeners) listener();
    this.changed();
  }

  /** Search by meaning is off: said in the status bar and the panel, without a notice. */
  private off(): { ok: false; reason: string } {
    this.modelProblem = SEMANTIC_OFF;
    return { ok: false, reason: SEMANTIC_OFF.reason };
  }

  /** The model's bytes, or why there are none (said once, with the fix, in a notice). */
  private async model(
    host: IndexHost,
    gpu: boolean,
    onDownload: () => void = () => undefined,
  ): Promise<{ ok: true; model: string; modelFiles: NonNullable<WorkerConfig["modelFiles"]>; gpuProblem?: string } | { ok: false; reason: string }> {
    const assets = await prepareModelAssets({
      gpu,
      adapter: this.options.app.vault.adapter,
      pluginDir: this.options.pluginDir,
      modelFolder: this.options.settings().embeddingModel,
      modelId: this.options.settings().embeddingModelId,
      // The notice opens with the first request: requestUrl reports no progress until a file is in.
      fetch: (url) => {
        this.showDownload(null);
        onDownload();
        return this.options.services.fetch(url);
      },
      signal: this.cancel.signal,
      onProgress: (progress) => this.showDownload(progress),
    });
    // A restart replaced this start: its download and notice belong to the new one.
    if (this.host !== host) return { ok: false, reason: "the index restarted" };
    this.hideDownload();
    if (assets.ok) return assets;
    if (!this.stopped) this.tellOnce(assets.unavailable);
    return { ok: false, reason: assets.unavailable.reason };
  }

  private showDownload(progress: DownloadProgress | null): void {
    if (this.stopped || this.cancel.signal.aborted) return;
    if (!this.download) {
      this.download = new DownloadNotice(() => this.cancel.abort());
      this.show(downloadingText(0));
    }
    if (!progress) return;
    this.progress = progress;
    this.download.update(progress);
    if (progress.total > 0) this.show(downloadingText((100 * progress.overall) / progress.total));
    else this.changed();
  }

  private hideDownload(): void {
    this.download?.hide();
    this.download = null;
    this.progress = null;
  }

  private tellOnce(problem: EmbedderUnavailable): void {
    this.modelProblem = problem;
    this.show(fullTextOnlyText(problem.reason));
    new Notice(`LifeBetter searches by words only: ${problem.reason}. ${problem.fix}`, PROBLEM_NOTICE_MS);
  }

  /** Saves the index when notes changed since the last save (called every few minutes). */
  saveIfChanged(): void {
    void this.host?.saveIfChanged().then((problem) => {
      if (problem) console.warn(`LifeBetter: ${problem}`);
    });
  }

  /**
   * Cancels a download, saves the index (bounded wait) and stops the worker. Resolves to why the
   * index was not saved, or null.
   */
  async stop(): Promise<string | null> {
    this.stopped = true;
    this.cancel.abort();
    this.hideDownload();
    this.listeners.clear();
    this.searchableListeners.clear();
    const host = this.host;
    this.host = null;
    return host ? host.stop() : null;
  }
}
