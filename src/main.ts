import { Notice, Plugin, TFile } from "obsidian";
import { defaultIndexServices } from "./adapters/obsidian/default-index-services";
import { DuplicateIdGuard } from "./adapters/obsidian/duplicate-id-guard";
import { ObsidianNoteRepository } from "./adapters/obsidian/obsidian-repository";
import { loadSettings, type LifeBetterSettings } from "./core/settings";
import { registerCapture, type CaptureFeature } from "./ui/capture/register-capture";
import { registerHome, type HomeFeature } from "./ui/home/register-home";
import { registerMemoryViews } from "./ui/index/register-memory-views";
import type { IndexServices } from "./ui/index/plugin-index";
import { SearchIndexFeature } from "./ui/index/search-index-feature";
import { registerPatterns } from "./ui/patterns/register-patterns";
import { createPluginContext, type PluginContext } from "./ui/plugin-context";
import { registerProblems, type ProblemsFeature } from "./ui/problems/register-problems";
import { registerReflections, type Reflections } from "./ui/reflection/register-reflections";
import { registerReview } from "./ui/review/register-review";
import { LifeBetterSettingTab } from "./ui/settings/settings-tab";
import { registerDataSafety, startBackups } from "./ui/transfer/data-safety-commands";

const ID_NOTICE_MS = 10000;

/**
 * The plugin's lifecycle only: load the settings, build the one context, let every feature register
 * with it, start what scans the vault once the layout is ready, and stop the index on unload.
 */
export default class LifeBetterPlugin extends Plugin {
  override settings: LifeBetterSettings = loadSettings(undefined);
  /** Why saved reflection prompts were ignored when the settings were loaded. */
  ignoredPrompts: string[] = [];
  repo!: ObsidianNoteRepository;
  /** What every feature registered with (set in onload). */
  context!: PluginContext;
  /** Set once the layout is ready; null before (and in a vault that never finishes loading). */
  duplicateIds: DuplicateIdGuard | null = null;
  /** How the index starts, downloads and saves; tests replace it before the layout is ready. */
  indexServices: IndexServices = defaultIndexServices(this.app);
  /** The search index, its status bar item and commands; features reach it through `context.index`. */
  private searchIndex: SearchIndexFeature | null = null;
  /** Settles once the index is saved and its worker stopped after unload. */
  indexStopped: Promise<string | null> = Promise.resolve(null);
  /** The features' handles, for the tests (set in onload). */
  capture!: CaptureFeature;
  problems!: ProblemsFeature;
  reflections!: Reflections;
  home!: HomeFeature;
  private unloaded = false;

  override async onload(): Promise<void> {
    // A saved value that is ignored (a prompt naming a schema property) is told, not silently dropped:
    // in a notice now, and in the prompts setting until the prompts are saved again.
    this.settings = loadSettings(await this.loadData(), (message) => {
      this.ignoredPrompts.push(`${message.charAt(0).toUpperCase()}${message.slice(1)}`);
      new Notice(`LifeBetter: ${message}`, 0);
    });
    this.repo = new ObsidianNoteRepository(this.app);
    this.addSettingTab(new LifeBetterSettingTab(this.app, this));

    const settings = (): LifeBetterSettings => this.settings;
    const searchIndex = new SearchIndexFeature(this, {
      repo: this.repo,
      settings,
      services: () => this.indexServices,
      pluginDir: () => this.manifest.dir ?? `${this.app.vault.configDir}/plugins/${this.manifest.id}`,
    });
    searchIndex.register();
    this.searchIndex = searchIndex;
    const context = createPluginContext(this, { repo: this.repo, settings, saveSettings: () => this.saveSettings(), index: searchIndex });
    this.context = context;

    this.capture = registerCapture(context);
    this.problems = registerProblems(context);
    registerReview(context);
    this.reflections = registerReflections(context);
    registerPatterns(context);
    this.home = registerHome(context);
    registerDataSafety(context);
    registerMemoryViews(context);

    // Scanning the vault waits for the layout: at start-up Obsidian fires "create" for every file.
    this.app.workspace.onLayoutReady(() => {
      // The plugin may have been disabled before the layout was ready: start nothing then.
      if (this.unloaded) return;
      this.startDuplicateIdGuard();
      searchIndex.start();
      startBackups(context);
    });
  }

  /**
   * Settles once the index's last start (or restart from its panel) is done: built and saved, or
   * failed. For tests and the release smoke test; features wait on `context.index.ready`.
   */
  get indexBuilt(): Promise<void> {
    return this.searchIndex?.built ?? Promise.resolve();
  }

  async saveSettings(): Promise<void> {
    await this.saveData(this.settings);
  }

  private startDuplicateIdGuard(): void {
    const guard = new DuplicateIdGuard(this.app, this.repo, {
      excludedFolders: () => this.settings.excludedFolders,
      notify: (message) => new Notice(message, ID_NOTICE_MS),
    });
    guard.start();
    this.duplicateIds = guard;
    const { vault, metadataCache } = this.app;
    this.registerEvent(vault.on("create", (file) => file instanceof TFile && void guard.noteChanged(file)));
    // "changed" follows every create and modify once the new properties are parsed.
    this.registerEvent(metadataCache.on("changed", (file) => void guard.noteChanged(file)));
    this.registerEvent(vault.on("rename", (file, oldPath) => file instanceof TFile && guard.renamed(file, oldPath)));
    this.registerEvent(vault.on("delete", (file) => file instanceof TFile && guard.deleted(file.path)));
  }

  override onunload(): void {
    // Everything above was registered through addCommand/register*, which Obsidian undoes itself.
    this.unloaded = true;
    this.duplicateIds = null;
    // Obsidian does not wait for onunload: the save runs on, bounded by IndexHost's timeout.
    this.indexStopped = this.searchIndex?.stop() ?? Promise.resolve(null);
  }
}
