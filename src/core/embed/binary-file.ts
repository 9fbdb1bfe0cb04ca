/**
 * One binary file that is replaced atomically: a reader never sees half a write. In Node a temp
 * file and a rename (src/adapters/node/node-binary-file.ts); in Obsidian the same through its adapter.
 */
export interface BinaryFile {
  /** The file's bytes, or null when it does not exist. */
  read(): Promise<Uint8Array<ArrayBuffer> | null>;
  /** Replaces the whole file: after a crash it holds either the old or the new bytes. */
  writeAtomic(bytes: Uint8Array): Promise<void>;
}
