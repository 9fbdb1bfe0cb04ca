import { promises as fs } from "node:fs";
import * as nodePath from "node:path";
import { NoteReadError } from "../../core/errors";
import type { NoteSource } from "../../core/index/index-types";
import { normalizeVaultPath } from "../../core/vault/paths";
import type { NodeNoteRepository } from "./node-repository";

/** The vault on disk as the index reads it: the repository's listing and UTF-8 reading, plus a stat per note. */
export function nodeNoteSource(repo: NodeNoteRepository): NoteSource {
  return {
    listFiles: () => repo.listFiles(),
    async readNote(path) {
      try {
        const stat = await fs.stat(nodePath.join(repo.root, ...normalizeVaultPath(path).split("/")));
        if (!stat.isFile()) return null;
        const text = await repo.read(path);
        const born = stat.birthtimeMs > 0 ? stat.birthtimeMs : stat.mtimeMs;
        return { file: { path, size: stat.size, mtime: stat.mtimeMs, ctime: born }, text };
      } catch (error) {
        if (error instanceof NoteReadError && error.reason === "encoding") return { unreadable: error.message };
        return null;
      }
    },
  };
}
