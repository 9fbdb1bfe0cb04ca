import type { PluginContext } from "../plugin-context";
import { PATTERNS_VIEW_TYPE, PatternsView } from "./patterns-view";
import { showView } from "../common/show-view";

/** The pattern view and its command "Open patterns" (no default hotkey), undone on unload; provides `openPatterns`. */
export function registerPatterns(context: PluginContext): void {
  context.plugin.registerView(PATTERNS_VIEW_TYPE, (leaf) => new PatternsView(leaf, context));
  context.plugin.addCommand({ id: "open-patterns", name: "Open patterns", callback: () => void openPatterns(context) });
  context.provide({ openPatterns: () => openPatterns(context) });
}

/** Shows the pattern view: in a new tab the first time, else where it already is. */
export async function openPatterns(context: Pick<PluginContext, "app">): Promise<void> {
  await showView(context.app.workspace, PATTERNS_VIEW_TYPE);
}
