import { Notice, type Plugin } from "obsidian";
import { obsidianReflectionEnv } from "../../adapters/obsidian/reflection-env";
import { writeBases } from "../../core/bases/write-bases";
import { errorMessage } from "../../core/errors";
import type { RunningSession } from "../../core/problems/running-session";
import { locateReflection } from "../../core/reflection/location";
import { periodRange } from "../../core/reflection/periods";
import type { LifeBetterSettings } from "../../core/settings";
import type { NoteRepository } from "../../core/vault/repository";
import { showView } from "../common/show-view";
import type { HomeHost } from "./home-host";
import { HOME_VIEW_TYPE, HomeView } from "./home-view";

/** What the home needs from the plugin and the other features. */
export interface HomePlugin extends Plugin {
  readonly repo: NoteRepository;
  settings: LifeBetterSettings;
}

export interface HomeLinks {
  runningSession(): RunningSession | null;
  openReview(): Promise<void>;
  openReflection(): Promise<void>;
  openProblem(path: string): Promise<void>;
  openPatterns(): Promise<void>;
}

export interface HomeFeature {
  openHome(): Promise<void>;
  createBases(): Promise<void>;
}

/**
 * The LifeBetter home (view, command, ribbon icon, optional opening on start) and the command that
 * writes the Bases files. No default hotkeys; everything is undone on unload by Obsidian.
 */
export function registerHome(plugin: HomePlugin, links: HomeLinks): HomeFeature {
  const { app } = plugin;
  const host: HomeHost = {
    app,
    repo: plugin.repo,
    settings: () => plugin.settings,
    ...links,
    reflectionPath: async (day) => {
      try {
        const env = await obsidianReflectionEnv(app, plugin.repo, plugin.settings);
        return locateReflection(periodRange("daily", day), env.configs, plugin.settings.reflectionInPeriodicNote, env.format).path;
      } catch {
        return undefined; // daily notes settings unreadable: the home still shows the rest
      }
    },
  };
  plugin.registerView(HOME_VIEW_TYPE, (leaf) => new HomeView(leaf, host));

  const openHome = async (): Promise<void> => {
    await showView(app.workspace, HOME_VIEW_TYPE);
  };

  const createBases = async (): Promise<void> => {
    try {
      const result = await writeBases(plugin.repo, plugin.settings);
      const kept = result.kept.length > 0 ? ` Kept ${result.kept.length} that already existed.` : "";
      new Notice(result.written.length > 0 ? `Created ${result.written.length} bases in ${result.folder}.${kept}` : `The bases already exist in ${result.folder}; nothing was changed.`);
    } catch (error) {
      new Notice(`The bases could not be written: ${errorMessage(error)}`);
    }
  };

  // "LifeBetter home" (the name for the view) and "Bases" (Obsidian's core plugin) are names.
  plugin.addCommand({ id: "open-home", name: "Open LifeBetter home", callback: () => void openHome() });
  plugin.addCommand({ id: "create-bases", name: "Create Bases views of your records", callback: () => void createBases() });
  plugin.addRibbonIcon("sun", "Open LifeBetter home", () => void openHome());
  app.workspace.onLayoutReady(() => {
    if (plugin.settings.openHomeOnStart) void openHome();
  });
  return { openHome, createBases };
}
