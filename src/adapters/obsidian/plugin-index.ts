import { Notice, type App } from "obsidian";
import type { DownloadProgress, FetchedResponse } from "../../core/embed/asset-download";
import type { BinaryFile } from "../../core/embed/binary-file";
import type { EmbedderUnavailable } from "../../core/embed/embedder";
import { errorMessage } from "../../core/errors";
import type { IndexClient } from "../../core/index/index-client";
import type { WorkerConfig } from "../../core/index/worker-protocol";
import type { LifeBetterSettings } from "../../core/settings";
import { DownloadNotice } from "../../ui/download-notice";
import { downloadingText, fullTextOnlyText } from "../../ui/index-status-text";
import { IndexHost, type StartIndexWorker } from "./index-host";
import { prepareModelAssets } from "./model-assets";
import { obsidianNoteSource } from "./obsidian-note-source";
import type { ObsidianNoteRepository } from "./obsidian-repository";

/** What differs between Obsidian and the tests: the worker, the network, where the index is saved. */
export interface IndexServices {
  /** Null when the build has no worker: then there is no index (and nothing is downloaded). */
  startWorker: StartIndexWorker | null;
  fetch: (url: string) => Promise<FetchedResponse>;
  storage: () => BinaryFile;
}

export interface PluginIndexOptions {
  app: App;
  repo: ObsidianNoteRepository;
  pluginDir: string;
  settings: () => LifeBetterSettings;
  showStatus: (text: string) => void;
  services: IndexServices;
}

const PROBLEM_NOTICE_MS = 15_000;

/**
 * The plugin's index from start to end: gets the model ready (download once, or a local folder),
 * starts the worker through IndexHost, and stops both on unload. Any model problem leaves full-text
 * search running and is told once, in a notice, and in the status bar.
 */
export class PluginIndex {
  private host: IndexHost | null = null;
  private readonly cancel = new AbortController();
  private download: DownloadNotice | null = null;
  private stopped = false;

  constructor(private readonly options: PluginIndexOptions) {}

  get client(): IndexClient | null {
    return this.host?.client ?? null;
  }

  /** Vault events go here from the moment start() is called (see main.ts). */
  get events(): Pick<IndexHost, "created" | "modified" | "deleted" | "renamed"> | null {
    return this.host;
  }

  async start(): Promise<void> {
    const { services, settings, showStatus } = this.options;
    if (!services.startWorker) {
      showStatus("Search index unavailable — this build has no index worker");
      return;
    }
    const host = new IndexHost({
      startWorker: services.startWorker,
      source: obsidianNoteSource(this.options.app, this.options.repo),
      storage: services.storage(),
      showStatus: (text) => !this.stopped && showStatus(text),
    });
    this.host = host;
    const model = settings().semanticIndex ? await this.model() : { ok: false as const, reason: "search by meaning is off in settings" };
    if (this.stopped) return;
    const config: WorkerConfig = { model: null, excludedFolders: settings().excludedFolders };
    if (model.ok) {
      config.model = model.model;
      config.modelFiles = model.modelFiles;
    }
    try {
      await host.open(config, model.ok ? null : model.reason);
      // The files were there but the worker could not load them (damaged, not a sentence model).
      const embeddings = model.ok ? (await host.client?.status())?.embeddings : undefined;
      if (embeddings?.state === "unavailable" && !this.stopped) this.tellOnce(embeddings);
    } catch (error) {
      if (this.stopped) return;
      console.error("LifeBetter: the search index could not start", error);
      showStatus(`Search index unavailable — ${errorMessage(error)}`);
      // No half-started worker is left for the views to call.
      this.host = null;
      await host.stop();
    }
  }

  /** The model's bytes, or why there are none (said once, with the fix, in a notice). */
  private async model(): Promise<{ ok: true; model: string; modelFiles: NonNullable<WorkerConfig["modelFiles"]> } | { ok: false; reason: string }> {
    const assets = await prepareModelAssets({
      adapter: this.options.app.vault.adapter,
      pluginDir: this.options.pluginDir,
      modelFolder: this.options.settings().embeddingModel,
      // The notice opens with the first request: requestUrl reports no progress until a file is in.
      fetch: (url) => {
        this.showDownload(null);
        return this.options.services.fetch(url);
      },
      signal: this.cancel.signal,
      onProgress: (progress) => this.showDownload(progress),
    });
    this.download?.hide();
    this.download = null;
    if (assets.ok) return assets;
    if (!this.stopped) this.tellOnce(assets.unavailable);
    return { ok: false, reason: assets.unavailable.reason };
  }

  private showDownload(progress: DownloadProgress | null): void {
    if (this.stopped || this.cancel.signal.aborted) return;
    if (!this.download) {
      this.download = new DownloadNotice(() => this.cancel.abort());
      this.options.showStatus(downloadingText(0));
    }
    if (!progress) return;
    this.download.update(progress);
    if (progress.total > 0) this.options.showStatus(downloadingText((100 * progress.overall) / progress.total));
  }

  private tellOnce(problem: EmbedderUnavailable): void {
    this.options.showStatus(fullTextOnlyText(problem.reason));
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
    this.download?.hide();
    this.download = null;
    const host = this.host;
    this.host = null;
    return host ? host.stop() : null;
  }
}
