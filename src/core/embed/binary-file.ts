/**
 * A file's new content: its bytes, or its parts in order. A large file (the saved index) is handed
 * over in parts so that no joined copy of it is made where the file can take them one by one.
 */
export type FileBytes = Uint8Array | readonly Uint8Array[];

/**
 * One binary file that is replaced atomically: a reader never sees half a write. In Node a temp
 * file and a rename (src/adapters/node/node-binary-file.ts); in Obsidian the same through its adapter.
 */
export interface BinaryFile {
  /** The file's bytes, or null when it does not exist. */
  read(): Promise<Uint8Array<ArrayBuffer> | null>;
  /** Replaces the whole file: after a crash it holds either the old or the new bytes. */
  writeAtomic(bytes: FileBytes): Promise<void>;
}

/** The parts of a file's content, in order. */
export function partsOf(bytes: FileBytes): readonly Uint8Array[] {
  return bytes instanceof Uint8Array ? [bytes] : bytes;
}

/** The content as one ArrayBuffer of exactly its bytes, for stores that take only one (a copy). */
export function joinedBuffer(bytes: FileBytes): ArrayBuffer {
  const parts = partsOf(bytes);
  const joined = new Uint8Array(parts.reduce((sum, part) => sum + part.byteLength, 0));
  let at = 0;
  for (const part of parts) {
    joined.set(part, at);
    at += part.byteLength;
  }
  return joined.buffer;
}
