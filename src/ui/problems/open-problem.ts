import type { App } from "obsidian";
import type { OpenHow } from "../common/open-note";
import { showView } from "../common/show-view";

/** The problem view's type (here, so that what opens it need not import the view). */
export const PROBLEM_VIEW_TYPE = "lifebetter-problem";

/**
 * Opens the problem view for the problem at `path` from a row or link: a plain click shows it in the
 * open problem view (`inPlace`, the plugin's one), Ctrl/Cmd-click and middle click in a new tab (split,
 * window) of its own, as notes open everywhere in LifeBetter.
 */
export async function openProblemView(app: App, path: string, how: OpenHow, inPlace: (path: string) => Promise<void>): Promise<void> {
  if (!how) return inPlace(path);
  await showView(app.workspace, PROBLEM_VIEW_TYPE, { state: { path }, how });
}
