import { Notice, TFile } from "obsidian";
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
import { dayOf, type Day } from "../../core/dates/days";
import { PERIOD_NAMES } from "./reflection-labels";
import { REFLECTION_VIEW_TYPE, ReflectionView } from "./reflection-view";
import { openNote } from "../common/open-note";
import { showView } from "../common/show-view";
import type { PluginContext } from "../plugin-context";

/** How often the reminder looks at the clock. */
export const REMINDER_CHECK_MS = 60 * 1000;
const REMINDER_NOTICE_MS = 0; // stays until dismissed or acted on

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

  constructor(private readonly context: PluginContext) {
    this.sync = new ReflectionSync({
      repo: context.repo,
      settings: context.settings,
      failed: (path, message) => new Notice(`LifeBetter could not keep "${path}" in step: ${message}`),
    });
  }

  register(): void {
    const { context } = this;
    context.provide({
      openReflection: (period) => this.open(period).then(() => undefined),
      newReflection: () => this.openOn({ period: "adhoc" }).then(() => undefined),
      dailyReflectionPath: (day) => this.dailyPath(day),
    });
    context.plugin.registerView(REFLECTION_VIEW_TYPE, (leaf) => new ReflectionView(leaf, context));
    for (const command of COMMANDS) context.plugin.addCommand({ id: command.id, name: command.name, callback: () => void this.open(command.period) });
    context.plugin.addCommand({
      id: "reflect-on-this-problem",
      name: "Reflect on this problem",
      checkCallback: (checking) => {
        const problem = context.activeProblem();
        if (problem === null) return false;
        if (!checking) void this.openOn({ period: "problem", path: problem });
        return true;
      },
    });
    context.plugin.addCommand({ id: "new-reflection", name: "New reflection", callback: () => void this.openOn({ period: "adhoc" }) });
    context.plugin.addCommand({ id: "show-reflection-panel", name: "Show reflection panel", callback: () => void this.revealPanel() });
    context.plugin.register(() => {
      this.stopped = true;
      this.sync.dispose();
    });
    context.app.workspace.onLayoutReady(() => this.start());
  }

  /** Vault events and the reminder clock start once the vault has loaded. */
  private start(): void {
    // Disabled before the layout was ready: register nothing.
    if (this.stopped) return;
    const { context } = this;
    const { workspace, metadataCache, vault } = context.app;
    context.plugin.registerEvent(metadataCache.on("changed", (file, _data, cache) => this.sync.changed(file.path, cache)));
    context.plugin.registerEvent(workspace.on("file-open", (file) => file && void this.sync.track(file.path)));
    context.plugin.registerEvent(vault.on("rename", (file, oldPath) => file instanceof TFile && this.sync.renamed(oldPath, file.path)));
    context.plugin.registerEvent(vault.on("delete", (file) => file instanceof TFile && this.sync.forget(file.path)));
    const active = workspace.getActiveFile();
    if (active) void this.sync.track(active.path);
    context.plugin.registerInterval(window.setInterval(() => void this.remind(), REMINDER_CHECK_MS));
    void this.remind();
  }

  /** Creates or opens the period's reflection for today, shows it and the panel beside it. */
  async open(period: ReflectionPeriod, day = dayOf(new Date())): Promise<OpenedReflection | null> {
    const { context } = this;
    let opened: OpenedReflection;
    try {
      const env = await obsidianReflectionEnv(context.app, context.repo, context.settings());
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
    const { context } = this;
    let opened: OpenedSubjectReflection;
    try {
      const env = await obsidianReflectionEnv(context.app, context.repo, context.settings());
      let target: ReflectionSubject = { period: "adhoc" };
      if (subject.period === "problem") {
        const vault = await loadRecords(context.repo, context.settings());
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
    await openNote(this.context.app, opened.path, false, { state: { active: true } });
  }

  /** The panel in the right sidebar: the open one, or a new one. */
  async revealPanel(): Promise<void> {
    // The focus stays on the note the user is writing.
    await showView(this.context.app.workspace, REFLECTION_VIEW_TYPE, { where: "right", focus: false });
  }

  /** Where the day's reflection is (or will be created), from the daily notes settings. */
  async dailyPath(day: Day): Promise<string | undefined> {
    const { context } = this;
    try {
      const env = await obsidianReflectionEnv(context.app, context.repo, context.settings());
      return locateReflection(periodRange("daily", day), env.configs, context.settings().reflectionInPeriodicNote, env.format).path;
    } catch {
      return undefined; // daily notes settings unreadable: the home still shows the rest
    }
  }

  /** A notice at the reflection time (weekly on the chosen day, monthly on the last day) unless it is written. */
  async remind(now = new Date()): Promise<void> {
    const { context } = this;
    for (const period of remindersDue(now, context.settings(), this.shown)) {
      this.shown.add(reminderKey(period, now));
      try {
        const env = await obsidianReflectionEnv(context.app, context.repo, context.settings());
        const range = periodRange(period, dayOf(now));
        const { path } = locateReflection(range, env.configs, context.settings().reflectionInPeriodicNote, env.format);
        const text = (await context.repo.exists(path)) ? await context.repo.read(path) : null;
        if (text !== null && isReflectionWritten(text, context.settings())) continue;
        // Written in a note of its own elsewhere (moved, or an older folder): no reminder either.
        const elsewhere = await findReflection(context.repo, context.settings(), range);
        if (elsewhere !== null && elsewhere !== path && isReflectionWritten(await context.repo.read(elsewhere), context.settings())) continue;
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

export function registerReflections(context: PluginContext): Reflections {
  const reflections = new Reflections(context);
  reflections.register();
  return reflections;
}
