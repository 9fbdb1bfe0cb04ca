import { createHash } from "node:crypto";
import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

/** A throwaway vault folder on disk, filled from a map of path → content. */
export async function makeTempVault(files: Record<string, string | Buffer> = {}): Promise<string> {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), "lifebetter-test-"));
  await writeFiles(root, files);
  return root;
}

export async function writeFiles(root: string, files: Record<string, string | Buffer>): Promise<void> {
  for (const [relative, content] of Object.entries(files)) {
    const target = path.join(root, relative);
    await fs.mkdir(path.dirname(target), { recursive: true });
    await fs.writeFile(target, content);
  }
}

export async function removeVault(root: string): Promise<void> {
  await fs.rm(root, { recursive: true, force: true });
}

/** Every file under `root` (dot-folders included) with the SHA-256 of its bytes. */
export async function hashTree(root: string): Promise<Map<string, string>> {
  const hashes = new Map<string, string>();
  const walk = async (folder: string): Promise<void> => {
    for (const entry of await fs.readdir(folder, { withFileTypes: true })) {
      const absolute = path.join(folder, entry.name);
      if (entry.isDirectory()) await walk(absolute);
      else
        hashes.set(
          path.relative(root, absolute),
          createHash("sha256")
            .update(await fs.readFile(absolute))
            .digest("hex"),
        );
    }
  };
  await walk(root);
  return hashes;
}

/** Counts Markdown files the way Obsidian sees them (dot-folders ignored), independently of the code under test. */
export async function countMarkdown(root: string): Promise<number> {
  let count = 0;
  const walk = async (folder: string): Promise<void> => {
    for (const entry of await fs.readdir(folder, { withFileTypes: true })) {
      if (entry.name.startsWith(".")) continue;
      if (entry.isDirectory()) await walk(path.join(folder, entry.name));
      else if (entry.name.toLowerCase().endsWith(".md")) count++;
    }
  };
  await walk(root);
  return count;
}
