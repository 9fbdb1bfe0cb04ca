import { type Plugin, type WorkspaceLeaf } from "obsidian";
import { CAPTURE_HOVER_SOURCE } from "./capture-similar";
import type { MemoryHost } from "./memory-host";
import { SEARCH_HOVER_SOURCE, SearchByMeaningModal } from "./search-modal";
import { SIMILAR_VIEW_TYPE, SimilarNotesView } from "./similar-notes-view";
import { showView } from "../common/show-view";

/** The similar-notes view, "Search by meaning" and their page-preview sources (no default hotkeys), all undone on unload. */
export function registerMemoryViews(plugin: Plugin, host: () => MemoryHost): void {
  plugin.registerView(SIMILAR_VIEW_TYPE, (leaf) => new SimilarNotesView(leaf, host()));
  plugin.addCommand({ id: "open-similar-notes", name: "Open similar notes", callback: () => void openSimilarNotes(plugin) });
  plugin.addCommand({ id: "search-by-meaning", name: "Search by meaning", callback: () => openSearch(host()) });
  plugin.registerHoverLinkSource(SIMILAR_VIEW_TYPE, { display: "LifeBetter similar notes", defaultMod: true });
  plugin.registerHoverLinkSource(SEARCH_HOVER_SOURCE, { display: "LifeBetter search by meaning", defaultMod: true });
  plugin.registerHoverLinkSource(CAPTURE_HOVER_SOURCE, { display: "LifeBetter capture suggestions", defaultMod: true });
}

/** Shows the similar-notes view in the right sidebar (the one already open, else a new one). */
export async function openSimilarNotes(plugin: Plugin): Promise<WorkspaceLeaf | null> {
  return showView(plugin.app.workspace, SIMILAR_VIEW_TYPE, { where: "right" });
}

export function openSearch(host: MemoryHost): SearchByMeaningModal {
  const modal = new SearchByMeaningModal(host);
  modal.open();
  return modal;
}
