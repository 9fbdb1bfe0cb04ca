import { NoteExistsError } from "../errors";
import { joinVaultPath } from "./paths";
import type { NoteRepository } from "./repository";

/** The names a new note may take, in order: `stem.md`, then `stem 2.md`, `stem 3.md`, … */
export function* uniqueNoteCandidates(folder: string, stem: string): Generator<string> {
  for (let attempt = 1; attempt < 1000; attempt++) yield joinVaultPath(folder, attempt === 1 ? `${stem}.md` : `${stem} ${attempt}.md`);
}

/** Creates `stem.md` in `folder`, or `stem 2.md`, `stem 3.md`, … : never overwrites. */
export async function createUniqueNote(repo: NoteRepository, folder: string, stem: string, content: string): Promise<string> {
  for (const path of uniqueNoteCandidates(folder, stem)) {
    if (await repo.exists(path)) continue;
    try {
      await repo.create(path, content);
      return path;
    } catch (error) {
      if (error instanceof NoteExistsError) continue; // created meanwhile by someone else: try the next name
      throw error;
    }
  }
  throw new Error(`Could not find a free file name for "${stem}" in "${folder}".`);
}
