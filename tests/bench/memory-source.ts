import type { NoteSource } from "../../src/core/index/index-types";
import { joinedBuffer, type FileBytes } from "../../src/core/embed/binary-file";
import type { IndexStorage } from "../../src/core/index/persistence";
import type { VaultFile } from "../../src/core/vault/repository";
import type { SyntheticNote } from "./synthetic-vault";

/** Synthetic notes served from memory, as the main thread serves the vault to the worker. */
export function memorySource(notes: SyntheticNote[]): NoteSource {
  const files = new Map<string, { file: VaultFile; text: string }>();
  for (const note of notes) {
    const size = Buffer.byteLength(note.text);
    files.set(note.path, { file: { path: note.path, size, mtime: 1_700_000_000_000, ctime: 1_700_000_000_000 }, text: note.text });
  }
  return {
    listFiles: () => Promise.resolve([...files.values()].map((f) => f.file)),
    readNote: (path) => Promise.resolve(files.get(path) ?? null),
  };
}

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
