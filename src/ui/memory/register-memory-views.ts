import { requireApiVersion, type Plugin, type WorkspaceLeaf } from "obsidian";
import { CAPTURE_HOVER_SOURCE } from "./capture-similar";
import type { MemoryHost } from "./memory-host";
import { SEARCH_HOVER_SOURCE, SearchByMeaningModal } from "./search-modal";
import { SIMILAR_VIEW_TYPE, SimilarNotesView } from "./similar-notes-view";

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
  const { workspace } = plugin.app;
  let leaf = workspace.getLeavesOfType(SIMILAR_VIEW_TYPE)[0] ?? null;
  if (!leaf) {
    leaf = workspace.getRightLeaf(false);
    if (!leaf) return null;
    await leaf.setViewState({ type: SIMILAR_VIEW_TYPE, active: true });
  }
  // revealLeaf also opens a collapsed sidebar; before 1.7.2 making the leaf active is what there is.
  if (requireApiVersion("1.7.2")) await workspace.revealLeaf(leaf);
  else workspace.setActiveLeaf(leaf, { focus: true });
  return leaf;
}

export function openSearch(host: MemoryHost): SearchByMeaningModal {
  const modal = new SearchByMeaningModal(host);
  modal.open();
  return modal;
}
