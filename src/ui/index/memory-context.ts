import type { IndexAccess, MemoryQueries, PluginContext } from "../plugin-context";

/** What the similar-notes sidebar, the search modal and the capture suggestions need from the context. */
export type MemoryContext = Pick<PluginContext, "app" | "repo" | "settings" | "saveSettings"> & {
  readonly index: IndexAccess<MemoryQueries>;
};
