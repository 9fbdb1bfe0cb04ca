import { errorMessage } from "../errors";

/**
 * Where deleted files go: the trash Obsidian is set to use (system, the vault's `.trash`, or none).
 * The app moves files with Obsidian's own `trashFile`; the CLI follows `.obsidian/app.json`.
 */
export interface Trash {
  /** What trashing does, for the user: "moved to the vault's .trash folder", … */
  readonly destination: string;
  /** Whether a trashed file can be got back (false when Obsidian is set to delete permanently). */
  readonly recoverable: boolean;
  trash(path: string): Promise<void>;
}

export interface TrashOutcome {
  moved: string[];
  failed: { path: string; message: string }[];
}

/** Trashes each path in turn; one that fails is reported and the others still go. */
export async function trashAll(trash: Trash, paths: readonly string[]): Promise<TrashOutcome> {
  const outcome: TrashOutcome = { moved: [], failed: [] };
  for (const path of paths) {
    try {
      await trash.trash(path);
      outcome.moved.push(path);
    } catch (error) {
      outcome.failed.push({ path, message: errorMessage(error) });
    }
  }
  return outcome;
}
