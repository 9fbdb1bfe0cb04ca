import { Notice, Plugin, TFile, type ObsidianProtocolData } from "obsidian";
import { defaultIndexServices } from "./adapters/obsidian/default-index-services";
import { DuplicateIdGuard } from "./adapters/obsidian/duplicate-id-guard";
import { PluginIndex, type IndexServices } from "./ui/index/plugin-index";
import { ObsidianNoteRepository } from "./adapters/obsidian/obsidian-repository";
import { captureEntry, type CaptureInput, type CapturedEntry } from "./core/capture/capture-entry";
import { InvalidInputError, errorMessage } from "./core/errors";
import type { IndexClient } from "./core/index/index-client";
import { BUILT_IN_ENTRY_TYPES } from "./core/schema/kinds";
import { loadSettings, type LifeBetterSettings } from "./core/settings";
import { draftToInput, type CaptureDraft } from "./ui/capture/capture-draft";
import { CaptureModal, type CaptureHost, type CaptureModalOptions } from "./ui/capture/capture-modal";
import { replyDraft } from "./ui/capture/capture-reply";
import { CAPTURE_URI_ACTION, parseCaptureUri } from "./ui/capture/capture-uri";
import { showCapturedNotice } from "./ui/capture/captured-notice";
import { makeStatusItemOpen } from "./ui/index/index-status-item";
import { IndexStatusModal } from "./ui/index/index-status-panel";
import type { IndexAvailability, MemoryHost } from "./ui/index/memory-host";
import { registerMemoryViews } from "./ui/index/register-memory-views";
import { registerProblems, type ProblemsFeature } from "./ui/problems/register-problems";
import { openReview, registerReview } from "./ui/review/register-review";
import { registerReflections, type Reflections } from "./ui/reflection/register-reflections";
import { registerDataSafety, startBackups } from "./ui/transfer/data-safety-commands";
import { LifeBetterSettingTab } from "./ui/settings/settings-tab";
import { openPatterns, registerPatterns } from "./ui/patterns/register-patterns";
import { registerHome, type HomeFeature } from "./ui/home/register-home";

const ID_NOTICE_MS = 10000;
/** How often the index is saved while notes change (it is also saved on unload). */
const INDEX_SAVE_INTERVAL_MS = 10 * 60 * 1000;

export default class LifeBetterPlugin extends Plugin {
  override settings: LifeBetterSettings = loadSettings(undefined);
  /** Why saved reflection prompts were ignored when the settings were loaded. */
  ignoredPrompts: string[] = [];
  repo!: ObsidianNoteRepository;
  /** Set once the layout is ready; null before (and in a vault that never finishes loading). */
  duplicateIds: DuplicateIdGuard | null = null;
  /** How the index starts, downloads and saves; tests replace it before the layout is ready. */
  indexServices: IndexServices = defaultIndexServices(this.app);
  /** Settles once the index is built (or could not start); views may wait on it. */
  indexReady: Promise<void> = Promise.resolve();
  /** Settles once the index is saved and its worker stopped after unload. */
  indexStopped: Promise<string | null> = Promise.resolve(null);
  /** Reflection commands, panel, sync and reminder (set in onload). */
  reflections: Reflections | null = null;
  /** Problem views, commands and the work-session timer; set in onload. */
  problems!: ProblemsFeature;
  /** The home view and the Bases command; set in onload. */
  home!: HomeFeature;
  private searchIndex: PluginIndex | null = null;
  /** Set once the index has started or failed: the views then either query or say it is unavailable. */
  private indexSettled = false;
  private markIndexSettled: () => void = () => undefined;
  /** Unlike indexReady (resolved before the layout is ready), settles only when the index has. */
  private readonly indexSettledPromise = new Promise<void>((resolve) => (this.markIndexSettled = resolve));
  private unloaded = false;

  /** The vault's search index for the views; null until the layout is ready and the worker has started. */
  get index(): IndexClient | null {
    return this.searchIndex?.client ?? null;
  }

  override async onload(): Promise<void> {
    // A saved value that is ignored (a prompt naming a schema property) is told, not silently dropped:
    // in a notice now, and in the prompts setting until the prompts are saved again.
    this.settings = loadSettings(await this.loadData(), (message) => {
      this.ignoredPrompts.push(`${message.charAt(0).toUpperCase()}${message.slice(1)}`);
      new Notice(`LifeBetter: ${message}`, 0);
    });
    this.repo = new ObsidianNoteRepository(this.app);
    this.addSettingTab(new LifeBetterSettingTab(this.app, this));

    this.addCommand({ id: "capture-entry", name: "Capture entry", callback: () => this.openCapture() });
    for (const type of BUILT_IN_ENTRY_TYPES) {
      this.addCommand({ id: `capture-${type}`, name: `Capture ${type}`, callback: () => this.openCapture({ draft: { type } }) });
    }
    this.addCommand({
      id: "reply-to-entry",
      name: "Reply to this entry",
      checkCallback: (checking) => {
        const draft = replyDraft(this.app, this.app.workspace.getActiveFile());
        if (!draft) return false;
        if (!checking) this.openCapture({ draft });
        return true;
      },
    });
    this.addCommand({
      id: "show-index-status",
      name: "Show search index status",
      checkCallback: (checking) => {
        if (!this.searchIndex) return false;
        if (!checking) this.openIndexStatus();
        return true;
      },
    });
    this.addCommand({
      id: "pause-indexing",
      name: "Pause computing meaning",
      checkCallback: (checking) => {
        if (this.searchIndex?.embeddingState() !== "running") return false;
        if (!checking) void this.searchIndex.pauseEmbedding();
        return true;
      },
    });
    this.addCommand({
      id: "resume-indexing",
      name: "Resume computing meaning",
      checkCallback: (checking) => {
        if (this.searchIndex?.embeddingState() !== "paused") return false;
        if (!checking) void this.searchIndex.resumeEmbedding();
        return true;
      },
    });
    this.registerObsidianProtocolHandler(CAPTURE_URI_ACTION, (params) => void this.captureFromUri(params));
    this.problems = registerProblems(this, {
      app: this.app,
      repo: this.repo,
      settings: () => this.settings,
      saveSettings: () => this.saveSettings(),
      index: () => this.index,
      capture: (draft) => void this.openCapture({ draft }),
    });
    registerReview(this);
    this.reflections = registerReflections(this, { activeProblem: () => this.problems.activeProblem() });
    registerPatterns(this);
    this.home = registerHome(this, {
      runningSession: () => this.problems.sessions.running,
      openReview: () => openReview(this),
      openReflection: async () => void (await this.reflections?.open("daily")),
      openProblem: (path) => this.problems.openProblem(path),
      openPatterns: () => openPatterns(this),
    });
    registerDataSafety(this);

    registerMemoryViews(this, () => this.memoryHost());

    // Scanning the vault waits for the layout: at start-up Obsidian fires "create" for every file.
    this.app.workspace.onLayoutReady(() => {
      this.startDuplicateIdGuard();
      this.startIndex();
      if (!this.unloaded) startBackups(this);
    });
  }

  async saveSettings(): Promise<void> {
    await this.saveData(this.settings);
  }

  openCapture(options: CaptureModalOptions = {}): CaptureModal {
    const modal = new CaptureModal(this.captureHost(), options);
    modal.open();
    return modal;
  }

  /** Where the index stands, for the views. */
  indexAvailability(): IndexAvailability {
    if (!this.indexSettled) return { state: "building" };
    const client = this.index;
    return client ? { state: "ready", queries: client } : { state: "unavailable", reason: "the search index could not start (the status bar says why)" };
  }

  /** What the similar-notes view, search by meaning and the capture suggestions use. */
  memoryHost(): MemoryHost {
    return {
      app: this.app,
      repo: this.repo,
      settings: () => this.settings,
      saveSettings: () => this.saveSettings(),
      index: () => this.indexAvailability(),
      indexReady: () => this.indexSettledPromise,
    };
  }

  /** obsidian://lifebetter-capture?type=insight&text=… : captures at once, or opens the form to fix it. */
  async captureFromUri(params: ObsidianProtocolData): Promise<CapturedEntry | null> {
    const { draft, problems } = parseCaptureUri(params, this.settings);
    if (problems.length > 0 || !draft.text?.trim()) {
      this.openFromUri(draft, problems.join(" "));
      return null;
    }
    try {
      const input = draftToInput(draft, this.settings, "uri");
      const entry = await captureEntry(this.repo, input, this.settings);
      showCapturedNotice(this.app, entry, input.type);
      return entry;
    } catch (error) {
      const message = error instanceof InvalidInputError ? error.message : `The entry could not be saved: ${errorMessage(error)}`;
      this.openFromUri(draft, message);
      return null;
    }
  }

  private openFromUri(draft: CaptureDraft, message: string): void {
    this.openCapture({ draft, message, source: "uri" });
  }

  private captureHost(): CaptureHost {
    return {
      app: this.app,
      repo: this.repo,
      settings: () => this.settings,
      index: () => this.indexAvailability(),
      captured: async (entry: CapturedEntry, input: CaptureInput) => {
        showCapturedNotice(this.app, entry, input.type);
        if (this.settings.lastEntryType === input.type) return;
        this.settings.lastEntryType = input.type;
        try {
          await this.saveSettings();
        } catch (error) {
          console.error("LifeBetter could not remember the last entry type", error);
        }
      },
    };
  }

  private startDuplicateIdGuard(): void {
    // The plugin may have been disabled before the layout was ready: register nothing then.
    if (this.unloaded) return;
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

  private startIndex(): void {
    if (this.unloaded) return;
    const status = this.addStatusBarItem();
    status.addClass("lifebetter-index-status");
    const searchIndex = new PluginIndex({
      app: this.app,
      repo: this.repo,
      pluginDir: this.manifest.dir ?? `${this.app.vault.configDir}/plugins/${this.manifest.id}`,
      settings: () => this.settings,
      showStatus: (text) => status.setText(text),
      services: this.indexServices,
    });
    this.searchIndex = searchIndex;
    makeStatusItemOpen(this, status, () => this.openIndexStatus());
    const { vault } = this.app;
    // Events before the worker exists are dropped; its first scan of the vault sees those changes.
    this.registerEvent(vault.on("create", (file) => file instanceof TFile && searchIndex.events?.created(file.path)));
    this.registerEvent(vault.on("modify", (file) => file instanceof TFile && searchIndex.events?.modified(file.path)));
    this.registerEvent(vault.on("delete", (file) => file instanceof TFile && searchIndex.events?.deleted(file.path)));
    this.registerEvent(vault.on("rename", (file, oldPath) => file instanceof TFile && searchIndex.events?.renamed(oldPath, file.path)));
    // The views may query as soon as full text is built; meaning follows, most useful notes first.
    const settle = (): void => {
      this.indexSettled = true;
      this.markIndexSettled();
    };
    searchIndex.onSearchable(settle);
    this.indexReady = searchIndex.start().finally(settle);
    this.registerEvent(this.app.workspace.on("file-open", (file) => file && searchIndex.prioritize(file.path)));
    // "Only while idle": typing, clicks and edits hold meaning until the user is quiet (a setting).
    this.registerEvent(this.app.workspace.on("editor-change", () => searchIndex.userActive()));
    this.registerDomEvent(document, "keydown", () => searchIndex.userActive(), { passive: true });
    this.registerDomEvent(document, "pointerdown", () => searchIndex.userActive(), { passive: true });
    this.registerInterval(window.setInterval(() => searchIndex.saveIfChanged(), INDEX_SAVE_INTERVAL_MS));
  }

  /** The status bar item's panel: index details, rebuild, fetch the model or cancel its download. */
  openIndexStatus(): IndexStatusModal | null {
    const searchIndex = this.searchIndex;
    if (!searchIndex) return null;
    const modal = new IndexStatusModal({
      app: this.app,
      details: () => searchIndex.details(),
      status: () => searchIndex.status(),
      settings: () => this.settings,
      onChange: (listener) => searchIndex.onChange(listener),
      rebuild: () => void (this.indexReady = searchIndex.restart(true)),
      retryModel: () => void (this.indexReady = searchIndex.restart()),
      cancelDownload: () => searchIndex.cancelDownload(),
    });
    modal.open();
    return modal;
  }

  override onunload(): void {
    // Everything above was registered through addCommand/register*, which Obsidian undoes itself.
    this.unloaded = true;
    this.duplicateIds = null;
    // Obsidian does not wait for onunload: the save runs on, bounded by IndexHost's timeout.
    this.indexStopped = this.searchIndex?.stop() ?? Promise.resolve(null);
    this.searchIndex = null;
  }
}
