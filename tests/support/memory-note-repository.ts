import { NoteExistsError, NoteParseError, NoteReadError } from "../../src/core/errors";
import { replaceBody, updateNote, updateProperties, type NoteEdit } from "../../src/core/codec/frontmatter";
import type { NoteRepository, VaultFile } from "../../src/core/vault/repository";

/** Notes in a Map, for fast core tests (property tests run hundreds of writes). Uses the real codecs. */
export class MemoryNoteRepository implements NoteRepository {
  readonly files = new Map<string, string>();

  constructor(files: Record<string, string> = {}) {
    for (const [path, text] of Object.entries(files)) this.files.set(path, text);
  }

  listFiles(): Promise<VaultFile[]> {
    return Promise.resolve([...this.files].map(([path, text]) => ({ path, size: text.length, mtime: 0, ctime: 0 })));
  }

  read(path: string): Promise<string> {
    const text = this.files.get(path);
    return text === undefined ? Promise.reject(new NoteReadError(path, "missing", `"${path}" does not exist`)) : Promise.resolve(text);
  }

  exists(path: string): Promise<boolean> {
    return Promise.resolve(this.files.has(path));
  }

  create(path: string, content: string): Promise<void> {
    if (this.files.has(path)) return Promise.reject(new NoteExistsError(path));
    this.files.set(path, content);
    return Promise.resolve();
  }

  updateProperties(path: string, mutate: (properties: Record<string, unknown>) => void): Promise<boolean> {
    return this.edit(path, (text) => updateProperties(text, mutate));
  }

  updateBody(path: string, edit: (body: string) => string): Promise<boolean> {
    return this.edit(path, (text) => replaceBody(text, edit));
  }

  updateNote(path: string, edit: (note: NoteEdit) => void): Promise<boolean> {
    return this.edit(path, (text) => updateNote(text, edit));
  }

  /** Read, transform and write with no await between them: a compare-and-swap, as the real adapters promise. */
  private edit(path: string, transform: (text: string) => { text: string; changed: boolean } | { problem: string }): Promise<boolean> {
    const text = this.files.get(path);
    if (text === undefined) return Promise.reject(new NoteReadError(path, "missing", `"${path}" does not exist`));
    try {
      return Promise.resolve(this.write(path, transform(text)));
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }

  private write(path: string, result: { text: string; changed: boolean } | { problem: string }): boolean {
    if ("problem" in result) throw new NoteParseError(path, `"${path}" was not changed: ${result.problem}`);
    if (result.changed) this.files.set(path, result.text);
    return result.changed;
  }
}
