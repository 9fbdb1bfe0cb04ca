import { normalizePath, TFile, TFolder, type App } from "obsidian";
import { NoteExistsError, NoteParseError, NoteReadError, errorMessage } from "../../core/errors";
import { parseNote, propertyChanges, replaceBody, type NoteEdit } from "../../core/codec/frontmatter";
import { normalizeVaultPath, parentFolder } from "../../core/vault/paths";
import type { NoteRepository, VaultFile } from "../../core/vault/repository";

/** Obsidian hides dot-files and dot-folders (.obsidian, .trash, .git); so does LifeBetter. */
function inDotFolder(path: string): boolean {
  return path.split("/").some((part) => part.startsWith("."));
}

function sameProperties(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Notes through Obsidian's vault API, so that the app, sync and other plugins see every change.
 * Properties are written with processFrontMatter; a note whose frontmatter the core cannot parse is
 * refused before Obsidian is asked to rewrite it.
 */
export class ObsidianNoteRepository implements NoteRepository {
  constructor(private readonly app: App) {}

  /** A vault path in Obsidian's form; refuses paths that climb out of the vault. */
  private clean(path: string): string {
    return normalizePath(normalizeVaultPath(path));
  }

  private file(path: string): TFile {
    const file = this.app.vault.getAbstractFileByPath(this.clean(path));
    if (!(file instanceof TFile)) throw new NoteReadError(path, "missing", `"${path}" does not exist (deleted or moved?)`);
    return file;
  }

  listFiles(): Promise<VaultFile[]> {
    const files = this.app.vault
      .getFiles()
      .filter((file) => !inDotFolder(file.path))
      .map((file) => ({
        path: file.path,
        size: file.stat.size,
        mtime: file.stat.mtime,
        ctime: file.stat.ctime > 0 ? file.stat.ctime : file.stat.mtime,
      }));
    return Promise.resolve(files);
  }

  // Obsidian decodes every note as UTF-8 (invalid bytes become U+FFFD), so "encoding" never occurs here.
  async read(path: string): Promise<string> {
    const file = this.file(path);
    try {
      return await this.app.vault.cachedRead(file);
    } catch (error) {
      throw new NoteReadError(path, "io", `"${path}" could not be read: ${errorMessage(error)}`);
    }
  }

  async exists(path: string): Promise<boolean> {
    const clean = this.clean(path);
    // The adapter also answers for case-insensitive file systems, where "Note.md" blocks "note.md".
    return this.app.vault.getAbstractFileByPath(clean) !== null || (await this.app.vault.adapter.exists(clean));
  }

  async create(path: string, content: string): Promise<void> {
    const clean = this.clean(path);
    if (await this.exists(clean)) throw new NoteExistsError(clean);
    await this.ensureFolder(parentFolder(clean));
    try {
      await this.app.vault.create(clean, content);
    } catch (error) {
      // Obsidian refuses to create over an existing file; someone created it meanwhile.
      if (await this.exists(clean)) throw new NoteExistsError(clean);
      throw error;
    }
  }

  /** Creates the folder and every missing parent, oldest ancestor first. */
  private async ensureFolder(folder: string): Promise<void> {
    if (folder === "") return;
    const existing = this.app.vault.getAbstractFileByPath(folder);
    if (existing instanceof TFolder) return;
    if (existing) throw new Error(`"${folder}" is a file, so LifeBetter cannot create a note inside it`);
    await this.ensureFolder(parentFolder(folder));
    try {
      await this.app.vault.createFolder(folder);
    } catch (error) {
      // Created meanwhile (sync, another plugin): that is what we wanted.
      if (!(this.app.vault.getAbstractFileByPath(folder) instanceof TFolder)) throw error;
    }
  }

  /**
   * `mutate` may run twice: once on a copy to see whether anything changes (so an unchanged note is
   * not reformatted by Obsidian), then inside processFrontMatter on Obsidian's own properties.
   */
  async updateProperties(path: string, mutate: (properties: Record<string, unknown>) => void): Promise<boolean> {
    const file = this.file(path);
    // A fresh read, not the cache: the decision to write must rest on the bytes on disk.
    const text = await this.app.vault.read(file);
    const parsed = parseNote(text);
    if (!parsed.ok) throw new NoteParseError(file.path, `"${file.path}" was not changed: ${parsed.problem}`);
    const after = structuredClone(parsed.properties);
    mutate(after);
    if (sameProperties(parsed.properties, after)) return false;
    await this.app.fileManager.processFrontMatter(file, (frontmatter: Record<string, unknown>) => mutate(frontmatter));
    return true;
  }

  /** Body edits go through vault.process, which applies them atomically against the current text. */
  async updateBody(path: string, edit: (body: string) => string): Promise<boolean> {
    const file = this.file(path);
    let changed = false;
    await this.app.vault.process(file, (text) => {
      const result = replaceBody(text, edit);
      if ("problem" in result) throw new NoteParseError(file.path, `"${file.path}" was not changed: ${result.problem}`);
      changed = result.changed;
      return result.text;
    });
    return changed;
  }

  /**
   * Body and properties together. The edit first runs on a fresh read: when it changes nothing,
   * nothing is written (a write would come back as a modify event). When it changes the body it runs
   * again inside vault.process, on the note as it is then, which writes the body; the keys that run
   * changed are then written with processFrontMatter (only those keys, with the values the same run
   * produced), so both halves come from one view of the note.
   */
  async updateNote(path: string, edit: (note: NoteEdit) => void): Promise<boolean> {
    const file = this.file(path);
    const run = (text: string) => {
      const parsed = parseNote(text);
      if (!parsed.ok) throw new NoteParseError(file.path, `"${file.path}" was not changed: ${parsed.problem}`);
      const note: NoteEdit = { properties: structuredClone(parsed.properties), body: parsed.parts.body };
      edit(note);
      const changes = propertyChanges(parsed.properties, note.properties);
      const written = text.slice(0, text.length - parsed.parts.body.length) + note.body;
      return { after: note.properties, changes, bodyChanged: note.body !== parsed.parts.body, text: written };
    };
    // A fresh read, not the cache: the decision to write must rest on the bytes on disk.
    let result = run(await this.app.vault.read(file));
    if (result.bodyChanged) {
      await this.app.vault.process(file, (text) => {
        result = run(text);
        return result.text;
      });
    }
    const { after, changes, bodyChanged } = result;
    const propertiesChanged = changes.changed.length > 0 || changes.removed.length > 0;
    if (propertiesChanged) {
      await this.app.fileManager.processFrontMatter(file, (frontmatter: Record<string, unknown>) => {
        for (const key of changes.removed) delete frontmatter[key];
        for (const key of changes.changed) frontmatter[key] = structuredClone(after[key]);
      });
    }
    return bodyChanged || propertiesChanged;
  }
}
