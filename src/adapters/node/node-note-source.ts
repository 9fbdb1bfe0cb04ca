import { NoteReadError } from "../../core/errors";
import type { NoteSource } from "../../core/index/index-types";
import type { NodeNoteRepository } from "./node-repository";

/** The vault on disk as the index reads it: the repository's listing, and each note's UTF-8 text with its stat. */
export function nodeNoteSource(repo: NodeNoteRepository): NoteSource {
  return {
    listFiles: () => repo.listFiles(),
    async readNote(path) {
      try {
        return await repo.readWithStat(path);
      } catch (error) {
        if (error instanceof NoteReadError && error.reason === "encoding") return { unreadable: error.message };
        return null;
      }
    },
  };
}
