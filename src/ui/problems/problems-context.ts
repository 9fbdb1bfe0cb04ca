import type { PluginContext } from "../plugin-context";

/** What the problem modals and views need from the plugin context (tests pass a small fake). */
export type ProblemsContext = Pick<PluginContext, "app" | "repo" | "settings" | "saveSettings" | "index" | "capture" | "openProblem">;
