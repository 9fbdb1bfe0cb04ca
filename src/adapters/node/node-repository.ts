import { closeSync, fstatSync, openSync, promises as fs, readFileSync, readSync, type Stats } from "node:fs";
import * as nodePath from "node:path";
import { NoteExistsError, NoteParseError, NoteReadError } from "../../core/errors";
import { replaceBody, updateNote, updateProperties, type NoteEdit } from "../../core/codec/frontmatter";
import { normalizeVaultPath } from "../../core/vault/paths";
import type { NoteRepository, VaultFile } from "../../core/vault/repository";
import { tempPathFor, withNoteLock } from "./note-lock";

const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

function readError(path: string, error: unknown): NoteReadError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "ENOENT") return new NoteReadError(path, "missing", `"${path}" does not exist (deleted or moved?)`);
  return new NoteReadError(path, "io", `"${path}" could not be read: ${(error as Error).message}`);
}

function decode(path: string, bytes: Uint8Array): string {
  try {
    return utf8.decode(bytes);
  } catch {
    throw new NoteReadError(path, "encoding", "the file is not valid UTF-8 text, so LifeBetter neither reads nor changes it");
  }
}

/**
 * A file's bytes and stat through one handle (what fs.readFile does, keeping the stat); null for a
 * folder or other non-file. Reads here are synchronous: notes are small, and the promise round trips
 * of an asynchronous read (four per note here) cost more than the read (13,415 notes: `check` 2.6 →
 * 1.6 s in the full-text bench before and after; a first index ~5% faster and ~1 s less CPU in
 * alternating runs). The CLI has nothing to do meanwhile; the index reads only a few notes ahead.
 */
function readFileAndStat(absolute: string): { bytes: Buffer; stat: Stats } | null {
  const fd = openSync(absolute, "r");
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return null;
    const chunks: Buffer[] = [];
    let total = 0;
    // Up to the size the stat gave, as fs.readFile does; a file that says 0 bytes (a pipe, /proc) is read to its end.
    while (stat.size === 0 || total < stat.size) {
      const size = stat.size === 0 ? 64 * 1024 : stat.size - total;
      const buffer = Buffer.allocUnsafe(size);
      const bytesRead = readSync(fd, buffer, 0, size, null);
      if (bytesRead === 0) break;
      chunks.push(bytesRead === size ? buffer : buffer.subarray(0, bytesRead));
      total += bytesRead;
    }
    return { bytes: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total), stat };
  } finally {
    closeSync(fd);
  }
}
/** How often an edit is re-run on a note that another program keeps changing before giving up. */
const EDIT_ATTEMPTS = 5;

/**
 * Notes in a folder on disk, for the CLI. Every write goes to a temp file first, then a rename; edits
 * are compare-and-swaps under a per-note lock (see rewrite).
 */
export class NodeNoteRepository implements NoteRepository {
  readonly root: string;

  constructor(root: string) {
    this.root = nodePath.resolve(root);
  }

  private absolute(path: string): string {
    return nodePath.join(this.root, ...normalizeVaultPath(path).split("/"));
  }

  /**
   * Every file, following symlinked folders and files as Obsidian does on desktop, so that what the
   * CLI writes through a link it also reads back. A real folder or file reachable by two paths is
   * listed once, under a path without a link when there is one; a link to an ancestor (a loop) or
   * to nowhere is skipped.
   */
  async listFiles(): Promise<VaultFile[]> {
    const files: VaultFile[] = [];
    const listedFolders = new Set<string>();
    const listedFiles = new Set<string>();
    // Links are followed after the plain tree, so a file reachable without a link keeps that path.
    const links: { absolute: string; relative: string }[] = [];

    const addFile = async (absolute: string, real: string, relative: string): Promise<void> => {
      if (listedFiles.has(real)) return;
      try {
        const stat = await fs.stat(absolute);
        if (!stat.isFile()) return;
        listedFiles.add(real);
        const born = stat.birthtimeMs > 0 ? stat.birthtimeMs : stat.mtimeMs;
        files.push({ path: relative, size: stat.size, mtime: stat.mtimeMs, ctime: born });
      } catch {
        // deleted between readdir and stat
      }
    };
    const walk = async (folder: string, real: string, prefix: string): Promise<void> => {
      if (listedFolders.has(real)) return;
      listedFolders.add(real);
      let entries;
      try {
        entries = await fs.readdir(folder, { withFileTypes: true });
      } catch {
        return; // a folder removed while walking has nothing left to list
      }
      entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      for (const entry of entries) {
        // Obsidian ignores dot-files and dot-folders (.obsidian, .trash, .git) and so do we.
        if (entry.name.startsWith(".")) continue;
        const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
        const absolute = nodePath.join(folder, entry.name);
        if (entry.isSymbolicLink()) links.push({ absolute, relative });
        else if (entry.isDirectory()) await walk(absolute, nodePath.join(real, entry.name), relative);
        else if (entry.isFile()) await addFile(absolute, nodePath.join(real, entry.name), relative);
      }
    };

    await walk(this.root, await fs.realpath(this.root).catch(() => this.root), "");
    for (let next = 0; next < links.length; next++) {
      const link = links[next] as { absolute: string; relative: string };
      let real: string;
      try {
        real = await fs.realpath(link.absolute); // throws for a dangling link or a cycle of links
      } catch {
        continue;
      }
      const stat = await fs.stat(real).catch(() => undefined);
      if (stat?.isDirectory()) await walk(link.absolute, real, link.relative);
      else if (stat?.isFile()) await addFile(link.absolute, real, link.relative);
    }
    return files;
  }

  read(path: string): Promise<string> {
    return this.readAt(this.absolute(path), path);
  }

  /**
   * A note's text and its file state, from one open file (the index needs both: a stat by path
   * before the read cost a fifth more of reading a vault); null when it is not a file.
   */
  async readWithStat(path: string): Promise<{ text: string; file: VaultFile } | null> {
    let read: { bytes: Buffer; stat: Stats } | null;
    try {
      read = readFileAndStat(this.absolute(path));
    } catch (error) {
      throw readError(path, error);
    }
    if (!read) return null;
    const { bytes, stat } = read;
    const born = stat.birthtimeMs > 0 ? stat.birthtimeMs : stat.mtimeMs;
    return { text: decode(path, bytes), file: { path, size: stat.size, mtime: stat.mtimeMs, ctime: born } };
  }

  private async readAt(absolute: string, path: string): Promise<string> {
    let bytes: Buffer;
    try {
      bytes = readFileSync(absolute);
    } catch (error) {
      throw readError(path, error);
    }
    return decode(path, bytes);
  }

  async exists(path: string): Promise<boolean> {
    try {
      await fs.access(this.absolute(path));
      return true;
    } catch {
      return false;
    }
  }

  async create(path: string, content: string): Promise<void> {
    const target = this.absolute(path);
    await fs.mkdir(nodePath.dirname(target), { recursive: true });
    const temp = await this.writeTemp(target, content);
    try {
      // link() fails if the target exists, so a create can never overwrite, even in a race.
      await fs.link(temp, target);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "EEXIST") throw new NoteExistsError(path);
      throw error;
    } finally {
      await fs.rm(temp, { force: true });
    }
  }

  updateProperties(path: string, mutate: (properties: Record<string, unknown>) => void): Promise<boolean> {
    return this.rewrite(path, (text) => updateProperties(text, mutate));
  }

  updateBody(path: string, edit: (body: string) => string): Promise<boolean> {
    return this.rewrite(path, (text) => replaceBody(text, edit));
  }

  updateNote(path: string, edit: (note: NoteEdit) => void): Promise<boolean> {
    return this.rewrite(path, (text) => updateNote(text, edit));
  }

  /**
   * Read → transform → atomic rename, as one compare-and-swap: under the note's lock (so LifeBetter
   * processes take turns), and only if the note still holds the text the transform saw (an editor or
   * Obsidian may write without the lock). When it does not, the transform runs again on the new text.
   */
  private async rewrite(path: string, transform: (text: string) => { text: string; changed: boolean } | { problem: string }): Promise<boolean> {
    const target = await this.realTarget(path);
    for (let attempt = 1; attempt <= EDIT_ATTEMPTS; attempt++) {
      const outcome = await withNoteLock(target, path, async () => {
        const text = await this.readAt(target, path);
        const result = transform(text);
        if ("problem" in result) throw new NoteParseError(path, `"${path}" was not changed: ${result.problem}`);
        if (!result.changed) return false;
        return this.swap(target, path, text, result.text);
      });
      if (outcome !== "conflict") return outcome;
    }
    throw new Error(`"${path}" kept changing on disk while LifeBetter was editing it (another program is writing it); nothing was written, try again`);
  }

  /**
   * The note's real file: a write through a symlinked note must replace the file it points to, not
   * the link, and two paths to one file must share one lock.
   */
  private async realTarget(path: string): Promise<string> {
    try {
      return await fs.realpath(this.absolute(path));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") throw new NoteReadError(path, "missing", `"${path}" does not exist (deleted or moved?)`);
      throw new NoteReadError(path, "io", `"${path}" could not be read: ${(error as Error).message}`);
    }
  }

  /** Replaces the note with `content` if it still holds `expected`; "conflict" (nothing written) if not. */
  private async swap(target: string, path: string, expected: string, content: string): Promise<true | "conflict"> {
    const temp = await this.writeTemp(target, content);
    try {
      await fs.chmod(temp, (await fs.stat(target)).mode); // keep the note's permissions
      if ((await this.readAt(target, path)) !== expected) return "conflict";
      await fs.rename(temp, target);
      return true;
    } finally {
      await fs.rm(temp, { force: true });
    }
  }

  private async writeTemp(target: string, content: string): Promise<string> {
    const temp = tempPathFor(target, "lifebetter-tmp");
    const handle = await fs.open(temp, "wx");
    try {
      await handle.writeFile(content, "utf8");
      await handle.sync();
    } finally {
      await handle.close();
    }
    return temp;
  }
}
