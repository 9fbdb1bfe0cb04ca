import type { App } from "obsidian";
import type { IndexClient } from "../../core/index/index-client";
import type { LifeBetterSettings } from "../../core/settings";
import type { NoteRepository } from "../../core/vault/repository";
import type { CaptureDraft } from "../capture/capture-draft";

/** What the problem modals and views need from the plugin (tests pass a small fake). */
export interface ProblemsHost {
  readonly app: App;
  readonly repo: NoteRepository;
  settings(): LifeBetterSettings;
  saveSettings(): Promise<void>;
  /** The vault's search index; null until it has started. */
  index(): IndexClient | null;
  /** Opens the capture form with a type and problem preset (log attempt, blocker, solution). */
  capture(draft: CaptureDraft): void;
  /** Opens (or focuses) the problem view on this problem note. */
  openProblem(path: string): Promise<void>;
}
