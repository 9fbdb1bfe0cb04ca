import type { PluginContext } from "../plugin-context";

/** What the home view needs from the plugin context: the records, and the views its rows open. */
export type HomeContext = Pick<
  PluginContext,
  "app" | "repo" | "settings" | "runningSession" | "dailyReflectionPath" | "openReview" | "openReflection" | "openProblem" | "openPatterns"
>;
