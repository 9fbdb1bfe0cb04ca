import type { WorkspaceLeaf } from "obsidian";
import type { PluginContext } from "../plugin-context";
import { CAPTURE_HOVER_SOURCE } from "./capture-similar";
import type { MemoryContext } from "./memory-context";
import { SEARCH_HOVER_SOURCE, SearchByMeaningModal } from "./search-modal";
import { SIMILAR_VIEW_TYPE, SimilarNotesView } from "./similar-notes-view";
import { showView } from "../common/show-view";

/** The similar-notes view, "Search by meaning" and their page-preview sources (no default hotkeys), all undone on unload. */
export function registerMemoryViews(context: PluginContext): void {
  const { plugin } = context;
  plugin.registerView(SIMILAR_VIEW_TYPE, (leaf) => new SimilarNotesView(leaf, context));
  plugin.addCommand({ id: "open-similar-notes", name: "Open similar notes", callback: () => void openSimilarNotes(context) });
  plugin.addCommand({ id: "search-by-meaning", name: "Search by meaning", callback: () => openSearch(context) });
  plugin.registerHoverLinkSource(SIMILAR_VIEW_TYPE, { display: "LifeBetter similar notes", defaultMod: true });
  plugin.registerHoverLinkSource(SEARCH_HOVER_SOURCE, { display: "LifeBetter search by meaning", defaultMod: true });
  plugin.registerHoverLinkSource(CAPTURE_HOVER_SOURCE, { display: "LifeBetter capture suggestions", defaultMod: true });
}

/** Shows the similar-notes view in the right sidebar (the one already open, else a new one). */
export async function openSimilarNotes(context: Pick<PluginContext, "app">): Promise<WorkspaceLeaf | null> {
  return showView(context.app.workspace, SIMILAR_VIEW_TYPE, { where: "right" });
}

export function openSearch(context: MemoryContext): SearchByMeaningModal {
  const modal = new SearchByMeaningModal(context);
  modal.open();
  return modal;
}
