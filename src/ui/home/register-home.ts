import { Notice } from "obsidian";
import { writeBases } from "../../core/bases/write-bases";
import { errorMessage } from "../../core/errors";
import { showView } from "../common/show-view";
import type { PluginContext } from "../plugin-context";
import { HOME_VIEW_TYPE, HomeView } from "./home-view";

export interface HomeFeature {
  openHome(): Promise<void>;
  createBases(): Promise<void>;
}

/**
 * The LifeBetter home (view, command, ribbon icon, optional opening on start) and the command that
 * writes the Bases files. No default hotkeys; everything is undone on unload by Obsidian.
 */
export function registerHome(context: PluginContext): HomeFeature {
  const { plugin, app } = context;
  plugin.registerView(HOME_VIEW_TYPE, (leaf) => new HomeView(leaf, context));

  const openHome = async (): Promise<void> => {
    await showView(app.workspace, HOME_VIEW_TYPE);
  };

  const createBases = async (): Promise<void> => {
    try {
      const result = await writeBases(context.repo, context.settings());
      const kept = result.kept.length > 0 ? ` Kept ${result.kept.length} that already existed.` : "";
      new Notice(
        result.written.length > 0
          ? `Created ${result.written.length} bases in ${result.folder}.${kept}`
          : `The bases already exist in ${result.folder}; nothing was changed.`,
      );
    } catch (error) {
      new Notice(`The bases could not be written: ${errorMessage(error)}`);
    }
  };

  // The palette shows "LifeBetter: Open home"; the ribbon has no prefix, so it names the plugin. "Bases" is Obsidian's core plugin.
  plugin.addCommand({ id: "open-home", name: "Open home", callback: () => void openHome() });
  plugin.addCommand({ id: "create-bases", name: "Create Bases views of your records", callback: () => void createBases() });
  plugin.addRibbonIcon("sun", "Open LifeBetter home", () => void openHome());
  app.workspace.onLayoutReady(() => {
    if (context.settings().openHomeOnStart) void openHome();
  });
  return { openHome, createBases };
}
