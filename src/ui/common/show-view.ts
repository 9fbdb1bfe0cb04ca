import { requireApiVersion, type Workspace, type WorkspaceLeaf } from "obsidian";
import type { OpenHow } from "./open-note";

export interface ShowViewOptions {
  /** Where a new leaf goes: a tab in the main area (default) or the right sidebar. */
  where?: "tab" | "right";
  /** The view's state (e.g. which note it shows); given to an open leaf too. */
  state?: Record<string, unknown>;
  /** Whether the view takes the focus (default true); a side panel may leave it on the note. */
  focus?: boolean;
  /** A new tab, split or window (from a Ctrl/Cmd-click, see `openHow`): a leaf of its own even when one is open. */
  how?: OpenHow;
}

/**
 * Shows the view of `type`: the leaf already holding one, else a new leaf where asked. Every LifeBetter view
 * opens this way, so a second "Open …" command never stacks a second copy.
 */
export async function showView(workspace: Workspace, type: string, options: ShowViewOptions = {}): Promise<WorkspaceLeaf | null> {
  const { where = "tab", state, focus = true, how = false } = options;
  let leaf: WorkspaceLeaf | null = how ? workspace.getLeaf(how) : (workspace.getLeavesOfType(type)[0] ?? null);
  if (!leaf || state || how) {
    leaf ??= where === "right" ? workspace.getRightLeaf(false) : workspace.getLeaf("tab");
    if (!leaf) return null;
    await leaf.setViewState({ type, state, active: focus });
  }
  // revealLeaf also expands a collapsed sidebar (awaitable from 1.7.2); before, making the leaf active is what there is.
  if (requireApiVersion("1.7.2")) await workspace.revealLeaf(leaf);
  if (focus) workspace.setActiveLeaf(leaf, { focus: true });
  return leaf;
}
