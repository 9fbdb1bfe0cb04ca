import { clearTimeout, setTimeout } from "node:timers";
import { joinedBuffer, type FileBytes } from "../../src/core/embed/binary-file";
import type { Embedder } from "../../src/core/embed/embedder";
import { NO_MODEL } from "../../src/core/index/embedder-status";
import type { NoteSource } from "../../src/core/index/index-types";
import { MemoryIndex } from "../../src/core/index/memory-index";
import type { IndexStorage } from "../../src/core/index/persistence";
import type { Timers } from "../../src/core/index/timers";

export const testTimers: Timers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** A saved index kept in memory. */
export class MemoryStorage implements IndexStorage {
  bytes: Uint8Array | null = null;
  read(): Promise<Uint8Array | null> {
    return Promise.resolve(this.bytes);
  }
  writeAtomic(bytes: FileBytes): Promise<void> {
    this.bytes = new Uint8Array(joinedBuffer(bytes));
    return Promise.resolve();
  }
}

export function memoryIndex(
  source: NoteSource,
  embedder: Embedder | null,
  extra: { storage?: IndexStorage; excludedFolders?: string[]; debounceMs?: number } = {},
): MemoryIndex {
  return new MemoryIndex({ source, embedder: embedder ? { embedder } : NO_MODEL, timers: testTimers, debounceMs: 5, ...extra });
}

/** Everything an index holds, in a comparable form (records, wanted texts, stored vectors, full-text hits). */
export function indexSnapshot(index: MemoryIndex): unknown {
  const inner = index.index;
  const notes = [...inner.notes.values()]
    .map((note) => ({
      path: note.record.path,
      record: { ...note.record },
      texts: note.embedTexts.map((t) => `${t.key}:${t.hash}`),
      vectors: [inner.noteVectors, inner.chunkVectors].map((store) =>
        (store?.entriesOf(note.no) ?? []).map((e) => `${e.key}:${e.hash}:${Array.from(e.vector.slice(0, 4)).join(",")}`).sort(),
      ),
    }))
    .sort((a, b) => (a.path < b.path ? -1 : 1));
  return {
    notes,
    fullTextSize: inner.fullText.size,
    fullTextDocuments: inner.fullText.documents,
    vectorCounts: [inner.noteVectors?.size, inner.chunkVectors?.size],
  };
}
