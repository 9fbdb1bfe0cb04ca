import type { Plugin } from "obsidian";
import type { IndexClient } from "../../core/index/index-client";
import type { LifeBetterSettings } from "../../core/settings";
import type { NoteRepository } from "../../core/vault/repository";
import { PATTERNS_VIEW_TYPE, PatternsView } from "./patterns-view";
import { showView } from "../common/show-view";

/** What the pattern view needs from the plugin. */
export interface PatternsPlugin extends Plugin {
  readonly repo: NoteRepository;
  settings: LifeBetterSettings;
  /** The search index's client, when it runs. */
  readonly index?: IndexClient | null;
}

/** The pattern view and its command "Open patterns" (no default hotkey), undone on unload. */
export function registerPatterns(plugin: PatternsPlugin): void {
  plugin.registerView(PATTERNS_VIEW_TYPE, (leaf) => new PatternsView(leaf, {
      repo: plugin.repo,
      settings: () => plugin.settings,
      vectors: (paths) => plugin.index?.noteVectors(paths) ?? Promise.resolve({}),
    }));
  plugin.addCommand({ id: "open-patterns", name: "Open patterns", callback: () => void openPatterns(plugin) });
}

/** Shows the pattern view: in a new tab the first time, else where it already is. */
export async function openPatterns(plugin: PatternsPlugin): Promise<void> {
  await showView(plugin.app.workspace, PATTERNS_VIEW_TYPE);
}
