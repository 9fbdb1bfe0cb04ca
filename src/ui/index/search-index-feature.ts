import { TFile, type Plugin } from "obsidian";
import type { LifeBetterSettings } from "../../core/settings";
import type { ObsidianNoteRepository } from "../../adapters/obsidian/obsidian-repository";
import type { IndexAccess, IndexAvailability, IndexQueries } from "../plugin-context";
import { makeStatusItemOpen } from "./index-status-item";
import { IndexStatusModal } from "./index-status-panel";
import { PluginIndex, type IndexServices } from "./plugin-index";

/** How often the index is saved while notes change (it is also saved on unload). */
const INDEX_SAVE_INTERVAL_MS = 10 * 60 * 1000;

export interface SearchIndexOptions {
  repo: ObsidianNoteRepository;
  readonly settings: () => LifeBetterSettings;
  /** How the index starts, downloads and saves; read when the layout is ready (tests replace it before). */
  services(): IndexServices;
  pluginDir(): string;
}

/**
 * The search index in the plugin: started once the layout is ready, its status bar item, panel and
 * commands, and the one way the features reach it (`availability()` and `ready`).
 */
export class SearchIndexFeature implements IndexAccess {
  readonly ready: Promise<void>;
  /** Settles once the last start (or restart from the panel) is done: built and saved, or failed. */
  built: Promise<void> = Promise.resolve();
  private searchIndex: PluginIndex | null = null;
  /** Set once the index answers queries or failed: the views then either query or say it is unavailable. */
  private settled = false;
  private markReady: () => void = () => undefined;

  constructor(
    private readonly plugin: Plugin,
    private readonly options: SearchIndexOptions,
  ) {
    this.ready = new Promise<void>((resolve) => (this.markReady = resolve));
  }

  /** The worker's client; null until the layout is ready and the worker has started, and after unload. */
  get client(): IndexQueries | null {
    return this.searchIndex?.client ?? null;
  }

  availability(): IndexAvailability {
    if (!this.settled) return { state: "building" };
    const client = this.client;
    return client ? { state: "ready", queries: client } : { state: "unavailable", reason: "the search index could not start (the status bar says why)" };
  }

  /** The status panel and the pause/resume commands (no default hotkeys). */
  register(): void {
    const { plugin } = this;
    plugin.addCommand({
      id: "show-index-status",
      name: "Show search index status",
      checkCallback: (checking) => {
        if (!this.searchIndex) return false;
        if (!checking) this.openStatus();
        return true;
      },
    });
    plugin.addCommand({
      id: "pause-indexing",
      name: "Pause computing meaning",
      checkCallback: (checking) => {
        if (this.searchIndex?.embeddingState() !== "running") return false;
        if (!checking) void this.searchIndex.pauseEmbedding();
        return true;
      },
    });
    plugin.addCommand({
      id: "resume-indexing",
      name: "Resume computing meaning",
      checkCallback: (checking) => {
        if (this.searchIndex?.embeddingState() !== "paused") return false;
        if (!checking) void this.searchIndex.resumeEmbedding();
        return true;
      },
    });
  }

  /** Starts the worker; call once the layout is ready (its first scan reads every note). */
  start(): void {
    const { plugin, options } = this;
    const { app } = plugin;
    const status = plugin.addStatusBarItem();
    status.addClass("lifebetter-index-status");
    const searchIndex = new PluginIndex({
      app,
      repo: options.repo,
      pluginDir: options.pluginDir(),
      settings: options.settings,
      showStatus: (text) => status.setText(text),
      services: options.services(),
    });
    this.searchIndex = searchIndex;
    makeStatusItemOpen(plugin, status, () => this.openStatus());
    const { vault } = app;
    // Events before the worker exists are dropped; its first scan of the vault sees those changes.
    plugin.registerEvent(vault.on("create", (file) => file instanceof TFile && searchIndex.events?.created(file.path)));
    plugin.registerEvent(vault.on("modify", (file) => file instanceof TFile && searchIndex.events?.modified(file.path)));
    // The index takes a note's frontmatter from the metadataCache (obsidian-note-source.ts): a note
    // read before its cache caught up with an edit is read again once it has.
    plugin.registerEvent(app.metadataCache.on("changed", (file) => searchIndex.events?.modified(file.path)));
    plugin.registerEvent(vault.on("delete", (file) => file instanceof TFile && searchIndex.events?.deleted(file.path)));
    plugin.registerEvent(vault.on("rename", (file, oldPath) => file instanceof TFile && searchIndex.events?.renamed(oldPath, file.path)));
    // The views may query as soon as full text is built; meaning follows, most useful notes first.
    const settle = (): void => {
      this.settled = true;
      this.markReady();
    };
    searchIndex.onSearchable(settle);
    this.built = searchIndex.start().finally(settle);
    plugin.registerEvent(app.workspace.on("file-open", (file) => file && searchIndex.prioritize(file.path)));
    // "Only while idle": typing, clicks and edits hold meaning until the user is quiet (a setting).
    plugin.registerEvent(app.workspace.on("editor-change", () => searchIndex.userActive()));
    plugin.registerDomEvent(document, "keydown", () => searchIndex.userActive(), { passive: true });
    plugin.registerDomEvent(document, "pointerdown", () => searchIndex.userActive(), { passive: true });
    plugin.registerInterval(window.setInterval(() => searchIndex.saveIfChanged(), INDEX_SAVE_INTERVAL_MS));
  }

  /** The status bar item's panel: index details, rebuild, fetch the model or cancel its download. */
  openStatus(): IndexStatusModal | null {
    const searchIndex = this.searchIndex;
    if (!searchIndex) return null;
    const modal = new IndexStatusModal({
      app: this.plugin.app,
      details: () => searchIndex.details(),
      status: () => searchIndex.status(),
      settings: this.options.settings,
      onChange: (listener) => searchIndex.onChange(listener),
      rebuild: () => void (this.built = searchIndex.restart(true)),
      retryModel: () => void (this.built = searchIndex.restart()),
      cancelDownload: () => searchIndex.cancelDownload(),
    });
    modal.open();
    return modal;
  }

  /** Saves the index and stops its worker; resolves to why it was not saved, or null. */
  stop(): Promise<string | null> {
    const stopping = this.searchIndex?.stop() ?? Promise.resolve(null);
    this.searchIndex = null;
    return stopping;
  }
}
