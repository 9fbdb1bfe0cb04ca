import { promises as fs } from "node:fs";
import * as nodePath from "node:path";
import { NoteExistsError, NoteParseError, NoteReadError } from "../../core/errors";
import { replaceBody, updateProperties } from "../../core/codec/frontmatter";
import { normalizeVaultPath } from "../../core/vault/paths";
import type { NoteRepository, VaultFile } from "../../core/vault/repository";

const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/** Notes in a folder on disk, for the CLI. Every write goes to a temp file first, then a rename. */
export class NodeNoteRepository implements NoteRepository {
  readonly root: string;

  constructor(root: string) {
    this.root = nodePath.resolve(root);
  }

  private absolute(path: string): string {
    return nodePath.join(this.root, ...normalizeVaultPath(path).split("/"));
  }

  async listFiles(): Promise<VaultFile[]> {
    const files: VaultFile[] = [];
    const walk = async (folder: string, prefix: string): Promise<void> => {
      let entries;
      try {
        entries = await fs.readdir(folder, { withFileTypes: true });
      } catch {
        return; // a folder removed while walking has nothing left to list
      }
      for (const entry of entries) {
        // Obsidian ignores dot-files and dot-folders (.obsidian, .trash, .git) and so do we.
        if (entry.name.startsWith(".")) continue;
        const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
        const absolute = nodePath.join(folder, entry.name);
        if (entry.isDirectory()) {
          await walk(absolute, relative);
        } else if (entry.isFile()) {
          try {
            const stat = await fs.stat(absolute);
            const born = stat.birthtimeMs > 0 ? stat.birthtimeMs : stat.mtimeMs;
            files.push({ path: relative, size: stat.size, mtime: stat.mtimeMs, ctime: born });
          } catch {
            // deleted between readdir and stat
          }
        }
      }
    };
    await walk(this.root, "");
    return files;
  }

  async read(path: string): Promise<string> {
    let bytes: Buffer;
    try {
      bytes = await fs.readFile(this.absolute(path));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "ENOENT") throw new NoteReadError(path, "missing", `"${path}" does not exist (deleted or moved?)`);
      throw new NoteReadError(path, "io", `"${path}" could not be read: ${(error as Error).message}`);
    }
    try {
      return utf8.decode(bytes);
    } catch {
      throw new NoteReadError(path, "encoding", "the file is not valid UTF-8 text, so LifeBetter neither reads nor changes it");
    }
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

  /** Reads, transforms and atomically writes back a note; a note the codec cannot parse is refused. */
  private async rewrite(path: string, transform: (text: string) => { text: string; changed: boolean } | { problem: string }): Promise<boolean> {
    const text = await this.read(path);
    const result = transform(text);
    if ("problem" in result) throw new NoteParseError(path, `"${path}" was not changed: ${result.problem}`);
    if (!result.changed) return false;
    await this.replace(path, text, result.text);
    return true;
  }

  /** Atomically replaces a note, unless it changed on disk since it was read. */
  private async replace(path: string, expected: string, content: string): Promise<void> {
    const target = this.absolute(path);
    const temp = await this.writeTemp(target, content);
    try {
      await fs.chmod(temp, (await fs.stat(target)).mode); // keep the note's permissions
      if ((await this.read(path)) !== expected) {
        throw new Error(`"${path}" changed on disk while LifeBetter was editing it; nothing was written, try again`);
      }
      await fs.rename(temp, target);
    } finally {
      await fs.rm(temp, { force: true });
    }
  }

  private async writeTemp(target: string, content: string): Promise<string> {
    const temp = nodePath.join(nodePath.dirname(target), `.${nodePath.basename(target)}.${process.pid}.${Date.now()}.lifebetter-tmp`);
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
