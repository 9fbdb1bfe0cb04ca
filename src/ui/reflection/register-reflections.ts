import { Notice, TFile, type Plugin } from "obsidian";
import { obsidianReflectionEnv } from "../../adapters/obsidian/reflection-env";
import { ReflectionSync } from "../../adapters/obsidian/reflection-sync";
import { InvalidInputError, NoteParseError, errorMessage } from "../../core/errors";
import { findProblem } from "../../core/problems/find-problem";
import { findReflection } from "../../core/reflection/find-reflection";
import { openSubjectReflection, type OpenedSubjectReflection, type ReflectionSubject } from "../../core/reflection/subject-reflection";
import { loadRecords } from "../../core/vault/records";
import { locateReflection } from "../../core/reflection/location";
import type { AnswerLists } from "../../core/reflection/answers";
import { openReflection, type OpenedReflection } from "../../core/reflection/open-reflection";
import { periodRange, type ReflectionPeriod } from "../../core/reflection/periods";
import { isReflectionWritten, reminderKey, remindersDue } from "../../core/reflection/reminder";
import { dayOf } from "../../core/dates/days";
import type { LifeBetterSettings } from "../../core/settings";
import type { NoteRepository } from "../../core/vault/repository";
import { PERIOD_NAMES } from "./reflection-labels";
import { REFLECTION_VIEW_TYPE, ReflectionView } from "./reflection-view";
import { openNote } from "../common/open-note";
import { showView } from "../common/show-view";

/** How often the reminder looks at the clock. */
export const REMINDER_CHECK_MS = 60 * 1000;
const REMINDER_NOTICE_MS = 0; // stays until dismissed or acted on

export interface ReflectionPlugin extends Plugin {
  readonly repo: NoteRepository;
  settings: LifeBetterSettings;
}

/** What reflections need from the rest of the plugin. */
export interface ReflectionsOptions {
  /** The problem in focus (its note, or the problem view), else null. */
  activeProblem?: () => string | null;
}

const COMMANDS: { id: string; name: string; period: ReflectionPeriod }[] = [
  { id: "open-todays-reflection", name: "Open today's reflection", period: "daily" },
  { id: "open-this-weeks-reflection", name: "Open this week's reflection", period: "weekly" },
  { id: "open-this-months-reflection", name: "Open this month's reflection", period: "monthly" },
];

/** The reflections: commands, the panel, the answers ↔ properties sync and the reminder. */
export class Reflections {
  readonly sync: ReflectionSync;
  /** Reminders already shown this session (`daily:2026-11-24`). */
  readonly shown = new Set<string>();
  private stopped = false;

  constructor(
    private readonly plugin: ReflectionPlugin,
    private readonly options: ReflectionsOptions = {},
  ) {
    this.sync = new ReflectionSync({
      repo: plugin.repo,
      settings: () => plugin.settings,
      failed: (path, message) => new Notice(`LifeBetter could not keep "${path}" in step: ${message}`),
    });
  }

  register(): void {
    const { plugin } = this;
    const host = {
      app: plugin.app,
      repo: plugin.repo,
      settings: () => plugin.settings,
      openPeriod: (period: ReflectionPeriod) => this.open(period).then(() => undefined),
      newReflection: () => this.openOn({ period: "adhoc" }).then(() => undefined),
    };
    plugin.registerView(REFLECTION_VIEW_TYPE, (leaf) => new ReflectionView(leaf, host));
    for (const command of COMMANDS) plugin.addCommand({ id: command.id, name: command.name, callback: () => void this.open(command.period) });
    plugin.addCommand({
      id: "reflect-on-this-problem",
      name: "Reflect on this problem",
      checkCallback: (checking) => {
        const problem = this.options.activeProblem?.() ?? null;
        if (problem === null) return false;
        if (!checking) void this.openOn({ period: "problem", path: problem });
        return true;
      },
    });
    plugin.addCommand({ id: "new-reflection", name: "New reflection", callback: () => void this.openOn({ period: "adhoc" }) });
    plugin.addCommand({ id: "show-reflection-panel", name: "Show reflection panel", callback: () => void this.revealPanel() });
    plugin.register(() => {
      this.stopped = true;
      this.sync.dispose();
    });
    plugin.app.workspace.onLayoutReady(() => this.start());
  }

  /** Vault events and the reminder clock start once the vault has loaded. */
  private start(): void {
    // Disabled before the layout was ready: register nothing.
    if (this.stopped) return;
    const { plugin } = this;
    const { workspace, metadataCache, vault } = plugin.app;
    plugin.registerEvent(metadataCache.on("changed", (file, _data, cache) => this.sync.changed(file.path, cache)));
    plugin.registerEvent(workspace.on("file-open", (file) => file && void this.sync.track(file.path)));
    plugin.registerEvent(vault.on("rename", (file, oldPath) => file instanceof TFile && this.sync.renamed(oldPath, file.path)));
    plugin.registerEvent(vault.on("delete", (file) => file instanceof TFile && this.sync.forget(file.path)));
    const active = workspace.getActiveFile();
    if (active) void this.sync.track(active.path);
    plugin.registerInterval(window.setInterval(() => void this.remind(), REMINDER_CHECK_MS));
    void this.remind();
  }

  /** Creates or opens the period's reflection for today, shows it and the panel beside it. */
  async open(period: ReflectionPeriod, day = dayOf(new Date())): Promise<OpenedReflection | null> {
    const { plugin } = this;
    let opened: OpenedReflection;
    try {
      const env = await obsidianReflectionEnv(plugin.app, plugin.repo, plugin.settings);
      opened = await openReflection(env, period, day, (path) => this.sync.base(path));
    } catch (error) {
      const known = error instanceof InvalidInputError || error instanceof NoteParseError;
      new Notice(known ? error.message : `The ${PERIOD_NAMES[period].toLowerCase()} could not be opened: ${errorMessage(error)}`);
      return null;
    }
    await this.showOpened(opened);
    return opened;
  }

  /**
   * "Reflect on this problem" and "New reflection": creates the reflection (today's on the problem is
   * opened again if it exists), keeps it in step like the others, and opens it.
   */
  async openOn(subject: { period: "problem"; path: string } | { period: "adhoc" }): Promise<OpenedSubjectReflection | null> {
    const { plugin } = this;
    let opened: OpenedSubjectReflection;
    try {
      const env = await obsidianReflectionEnv(plugin.app, plugin.repo, plugin.settings);
      let target: ReflectionSubject = { period: "adhoc" };
      if (subject.period === "problem") {
        const vault = await loadRecords(plugin.repo, plugin.settings);
        target = { period: "problem", problem: findProblem(vault, subject.path), vault };
      }
      opened = await openSubjectReflection(env, target, (path) => this.sync.base(path));
    } catch (error) {
      const known = error instanceof InvalidInputError || error instanceof NoteParseError;
      new Notice(known ? error.message : `The reflection could not be created: ${errorMessage(error)}`);
      return null;
    }
    await this.showOpened(opened);
    return opened;
  }

  /** Remembers what was synced, then shows the panel and the note, so the keyboard focus ends in the note, ready to write. */
  private async showOpened(opened: { path: string; sync: { synced: AnswerLists } }): Promise<void> {
    this.sync.remember(opened.path, opened.sync.synced);
    await this.revealPanel();
    await openNote(this.plugin.app, opened.path, false, { state: { active: true } });
  }

  /** The panel in the right sidebar: the open one, or a new one. */
  async revealPanel(): Promise<void> {
    // The focus stays on the note the user is writing.
    await showView(this.plugin.app.workspace, REFLECTION_VIEW_TYPE, { where: "right", focus: false });
  }

  /** A notice at the reflection time (weekly on the chosen day, monthly on the last day) unless it is written. */
  async remind(now = new Date()): Promise<void> {
    const { plugin } = this;
    for (const period of remindersDue(now, plugin.settings, this.shown)) {
      this.shown.add(reminderKey(period, now));
      try {
        const env = await obsidianReflectionEnv(plugin.app, plugin.repo, plugin.settings);
        const range = periodRange(period, dayOf(now));
        const { path } = locateReflection(range, env.configs, plugin.settings.reflectionInPeriodicNote, env.format);
        const text = (await plugin.repo.exists(path)) ? await plugin.repo.read(path) : null;
        if (text !== null && isReflectionWritten(text, plugin.settings)) continue;
        // Written in a note of its own elsewhere (moved, or an older folder): no reminder either.
        const elsewhere = await findReflection(plugin.repo, plugin.settings, range);
        if (elsewhere !== null && elsewhere !== path && isReflectionWritten(await plugin.repo.read(elsewhere), plugin.settings)) continue;
      } catch {
        continue; // settings or the note cannot be read: no reminder rather than a wrong one
      }
      this.notify(period);
    }
  }

  private notify(period: ReflectionPeriod): void {
    const fragment = createFragment();
    fragment.createDiv({ text: `Time for your ${PERIOD_NAMES[period].toLowerCase()}.` });
    const button = fragment.createEl("button", { cls: "mod-cta lifebetter-reminder-button", text: "Open reflection" });
    const notice = new Notice(fragment, REMINDER_NOTICE_MS);
    button.addEventListener("click", () => {
      notice.hide();
      void this.open(period);
    });
  }
}

export function registerReflections(plugin: ReflectionPlugin, options: ReflectionsOptions = {}): Reflections {
  const reflections = new Reflections(plugin, options);
  reflections.register();
  return reflections;
}
