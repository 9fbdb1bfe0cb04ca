import type { App } from "obsidian";
import type { IndexClient } from "../../core/index/index-client";
import type { LifeBetterSettings } from "../../core/settings";
import type { NoteRepository } from "../../core/vault/repository";

/** The index calls the memory views make (an IndexClient, or a fake in screens and tests). */
export type MemoryQueries = Pick<IndexClient, "findSimilar" | "searchByMeaning" | "status" | "idle">;

/** Where the index stands, as the views tell the user. */
export type IndexAvailability =
  | { state: "building" }
  | { state: "unavailable"; reason: string }
  | { state: "ready"; queries: MemoryQueries };

/** What the similar-notes sidebar, the search modal and the capture suggestions need from the plugin. */
export interface MemoryHost {
  readonly app: App;
  readonly repo: NoteRepository;
  settings(): LifeBetterSettings;
  saveSettings(): Promise<void>;
  index(): IndexAvailability;
  /** Settles once the index is built or known to be unavailable. */
  indexReady(): Promise<void>;
}
