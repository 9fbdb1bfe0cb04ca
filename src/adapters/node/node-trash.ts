import { promises as fs } from "node:fs";
import * as nodePath from "node:path";
import { normalizeVaultPath } from "../../core/vault/paths";
import type { Trash } from "../../core/vault/trash";

/** Obsidian's "Deleted files" setting (`trashOption` in app.json); "system" when it was never changed. */
export type TrashOption = "system" | "local" | "none";

/** The vault's trash setting, read from `<configDir>/app.json`; unreadable or absent means Obsidian's default, "system". */
export async function readTrashOption(root: string, configDir: string): Promise<TrashOption> {
  try {
    const app = JSON.parse(await fs.readFile(nodePath.join(root, configDir, "app.json"), "utf8")) as { trashOption?: unknown };
    return app.trashOption === "local" || app.trashOption === "none" ? app.trashOption : "system";
  } catch {
    return "system";
  }
}

async function exists(path: string): Promise<boolean> {
  return fs.access(path).then(
    () => true,
    () => false,
  );
}

/** `.trash/name.md`, or `.trash/name 2.md` … when a file of that name is already in the trash. */
async function freeTrashPath(folder: string, name: string): Promise<string> {
  const { name: stem, ext } = nodePath.parse(name);
  for (let n = 1; ; n++) {
    const candidate = nodePath.join(folder, n === 1 ? name : `${stem} ${n}${ext}`);
    if (!(await exists(candidate))) return candidate;
  }
}

/**
 * The trash for the CLI, as Obsidian is set: "local" moves files to the vault's `.trash` folder, as
 * Obsidian does; "none" deletes them permanently, as Obsidian does. "system" (the operating system's
 * trash) cannot be reached portably from Node, so the files go to the vault's `.trash` folder
 * instead, where Obsidian's local trash keeps them too, and the destination says so.
 */
export function nodeTrash(root: string, option: TrashOption): Trash {
  const absolute = (path: string): string => nodePath.join(root, ...normalizeVaultPath(path).split("/"));
  if (option === "none") {
    return { destination: "deleted permanently (Obsidian is set to delete files permanently)", recoverable: false, trash: (path) => fs.unlink(absolute(path)) };
  }
  const folder = nodePath.join(root, ".trash");
  return {
    destination:
      option === "local"
        ? "moved to the vault's .trash folder (Obsidian's trash setting)"
        : "moved to the vault's .trash folder (Obsidian is set to use the system trash, which the command line cannot reach)",
    recoverable: true,
    trash: async (path) => {
      const from = absolute(path);
      await fs.mkdir(folder, { recursive: true });
      await fs.rename(from, await freeTrashPath(folder, nodePath.basename(from)));
    },
  };
}
