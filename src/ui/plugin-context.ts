import type { App, Plugin } from "obsidian";
import type { Day } from "../core/dates/days";
import type { IndexClient } from "../core/index/index-client";
import type { RunningSession } from "../core/problems/running-session";
import type { ReflectionPeriod } from "../core/reflection/periods";
import type { LifeBetterSettings } from "../core/settings";
import type { NoteRepository } from "../core/vault/repository";
import type { CaptureDraft } from "./capture/capture-draft";

/** The index calls the views make (an IndexClient, or a fake in screens and tests). */
export type IndexQueries = Pick<
  IndexClient,
  "findSimilar" | "searchByMeaning" | "status" | "idle" | "suggestMetaSkills" | "findSimilarProblems" | "noteVectors" | "problemMeaning"
>;

/** The calls the similar-notes view, search by meaning and the capture suggestions make. */
export type MemoryQueries = Pick<IndexQueries, "findSimilar" | "searchByMeaning" | "status" | "idle">;

/** Where the index stands, as the views tell the user. */
export type IndexAvailability<Q = IndexQueries> = { state: "building" } | { state: "unavailable"; reason: string } | { state: "ready"; queries: Q };

/** The one way a view reaches the search index. */
export interface IndexAccess<Q = IndexQueries> {
  readonly availability: () => IndexAvailability<Q>;
  /** Settles once the index answers queries (full text is built) or is known not to start. */
  readonly ready: Promise<void>;
}

/**
 * What the features offer each other. Each is provided by the feature that owns it when it
 * registers (`context.provide`), so no feature imports another's registration module.
 */
export interface FeatureActions {
  /** Opens the capture form, preset with this draft (a type, a problem, text…). */
  readonly capture: (draft?: CaptureDraft) => void;
  /** Opens (or focuses) the problem view on this problem note. */
  readonly openProblem: (path: string) => Promise<void>;
  /** The problem in focus (its note, or the problem view), else null. */
  readonly activeProblem: () => string | null;
  /** The work session running now, if any. */
  readonly runningSession: () => RunningSession | null;
  readonly openReview: () => Promise<void>;
  /** Creates or opens today's reflection of this period, beside the reflection panel. */
  readonly openReflection: (period: ReflectionPeriod) => Promise<void>;
  /** "New reflection": an ad-hoc one, now. */
  readonly newReflection: () => Promise<void>;
  /** Where the day's reflection is (or will be created), from the daily notes settings. */
  readonly dailyReflectionPath: (day: Day) => Promise<string | undefined>;
  readonly openPatterns: () => Promise<void>;
}

/** Everything a feature registers with: the plugin's parts, the index, and the other features' actions. */
export interface PluginContext extends FeatureActions {
  /** For registerView, addCommand, registerEvent…: Obsidian undoes them all on unload. */
  readonly plugin: Plugin;
  readonly app: App;
  readonly repo: NoteRepository;
  readonly settings: () => LifeBetterSettings;
  readonly saveSettings: () => Promise<void>;
  readonly index: IndexAccess;
  /** Offers this feature's actions to the others; call it from `register…(context)`. */
  readonly provide: (actions: Partial<FeatureActions>) => void;
}

/** What views and modals that read and write records need (tests pass a small fake). */
export type VaultContext = Pick<PluginContext, "app" | "repo" | "settings">;

export interface PluginContextParts {
  repo: NoteRepository;
  readonly settings: () => LifeBetterSettings;
  readonly saveSettings: () => Promise<void>;
  index: IndexAccess;
}

/** Every action, so a new one cannot be left out of the context (the type lists them all). */
const ACTIONS: Record<keyof FeatureActions, true> = {
  capture: true,
  openProblem: true,
  activeProblem: true,
  runningSession: true,
  openReview: true,
  openReflection: true,
  newReflection: true,
  dailyReflectionPath: true,
  openPatterns: true,
};

/** The context every feature's `register…(context)` receives; built once in `onload`. */
export function createPluginContext(plugin: Plugin, parts: PluginContextParts): PluginContext {
  const provided: Partial<FeatureActions> = {};
  const forward =
    (name: keyof FeatureActions) =>
    (...args: unknown[]): unknown => {
      const action = provided[name] as ((...args: unknown[]) => unknown) | undefined;
      // A programming error (a feature not registered), not something a user can fix.
      if (!action) throw new Error(`LifeBetter: no feature provides "${name}"`);
      return action(...args);
    };
  const actions = Object.fromEntries((Object.keys(ACTIONS) as (keyof FeatureActions)[]).map((name) => [name, forward(name)])) as unknown as FeatureActions;
  return {
    ...actions,
    plugin,
    app: plugin.app,
    repo: parts.repo,
    settings: parts.settings,
    saveSettings: parts.saveSettings,
    index: parts.index,
    provide: (offered) => void Object.assign(provided, offered),
  };
}
