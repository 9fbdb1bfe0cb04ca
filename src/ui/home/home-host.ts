import type { App } from "obsidian";
import type { RunningSession } from "../../core/problems/running-session";
import type { Day } from "../../core/dates/days";
import type { LifeBetterSettings } from "../../core/settings";
import type { NoteRepository } from "../../core/vault/repository";

/** What the home view needs from the plugin: the records, and the views its rows open. */
export interface HomeHost {
  readonly app: App;
  readonly repo: NoteRepository;
  settings(): LifeBetterSettings;
  runningSession(): RunningSession | null;
  /** Where the day's reflection is (or will be created), from the daily notes settings. */
  reflectionPath(day: Day): Promise<string | undefined>;
  openReview(): Promise<void>;
  openReflection(): Promise<void>;
  openProblem(path: string): Promise<void>;
  openPatterns(): Promise<void>;
}
