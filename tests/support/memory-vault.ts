import type { NoteSource } from "../../src/core/index/index-types";
import type { VaultFile } from "../../src/core/vault/repository";

/** A vault held in memory for index tests: notes by path, each write a new mtime. */
export class MemoryVault implements NoteSource {
  readonly files = new Map<string, { text: string; mtime: number }>();
  private clock = 1_700_000_000_000;
  /** Awaited inside every read, so tests can interleave events with indexing. */
  beforeRead: (path: string) => Promise<void> = () => Promise.resolve();

  constructor(notes: Record<string, string> = {}) {
    for (const [path, text] of Object.entries(notes)) this.write(path, text);
  }

  write(path: string, text: string): void {
    this.files.set(path, { text, mtime: (this.clock += 1000) });
  }

  delete(path: string): void {
    this.files.delete(path);
  }

  rename(from: string, to: string): void {
    const file = this.files.get(from);
    if (!file) return;
    this.files.delete(from);
    this.files.set(to, file);
  }

  private stat(path: string, text: string, mtime: number): VaultFile {
    return { path, size: new TextEncoder().encode(text).length, mtime, ctime: mtime };
  }

  listFiles(): Promise<VaultFile[]> {
    return Promise.resolve([...this.files].map(([path, { text, mtime }]) => this.stat(path, text, mtime)));
  }

  async readNote(path: string): Promise<{ file: VaultFile; text: string } | null> {
    await this.beforeRead(path);
    const file = this.files.get(path);
    return file ? { file: this.stat(path, file.text, file.mtime), text: file.text } : null;
  }
}
