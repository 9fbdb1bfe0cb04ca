import { promises as fs } from "node:fs";
import * as nodePath from "node:path";
import { NodeNoteRepository } from "../adapters/node/node-repository";
import { loadSettings, type LifeBetterSettings } from "../core/settings";
import { CliError } from "./cli-error";
import type { CliIo } from "./io";

export interface VaultContext {
  root: string;
  repo: NodeNoteRepository;
  settings: LifeBetterSettings;
  /** Obsidian's config folder of the vault (".obsidian" unless the vault uses another name). */
  configDir: string;
}

/** The vault root's dot-folders, symlinked ones included (Obsidian follows a linked config folder). */
async function dotFolders(root: string): Promise<string[]> {
  const entries = await fs.readdir(root, { withFileTypes: true });
  return entries.filter((e) => (e.isDirectory() || e.isSymbolicLink()) && e.name.startsWith(".")).map((e) => e.name);
}

/** The dot-folder Obsidian keeps its settings in: LIFEBETTER_CONFIG_DIR, else one holding app.json or daily-notes.json, else ".obsidian". */
async function findConfigDir(root: string, dataPath: string | null): Promise<string> {
  const named = process.env.LIFEBETTER_CONFIG_DIR;
  if (named) return named;
  if (dataPath) return nodePath.relative(root, dataPath).split(nodePath.sep)[0] ?? ".obsidian";
  for (const dir of await dotFolders(root)) {
    for (const file of ["app.json", "daily-notes.json", "core-plugins.json"]) {
      if (
        await fs.stat(nodePath.join(root, dir, file)).then(
          (stat) => stat.isFile(),
          () => false,
        )
      )
        return dir;
    }
  }
  return ".obsidian";
}

/** Reads a file of the vault by vault-relative path (config files included); null when missing. */
export function vaultFileReader(root: string): (path: string) => Promise<string | null> {
  return async (path) => {
    try {
      return await fs.readFile(nodePath.join(root, ...path.split("/")), "utf8");
    } catch {
      return null;
    }
  };
}

/**
 * The plugin's saved settings inside a vault, which the CLI applies too. Obsidian's config folder is a
 * dot-folder whose name the user can change, so look in every dot-folder of the vault root for
 * `plugins/lifebetter/data.json` (LIFEBETTER_CONFIG_DIR names it outright).
 */
async function findPluginData(root: string): Promise<string | null> {
  const named = process.env.LIFEBETTER_CONFIG_DIR;
  const candidates = named ? [named] : await dotFolders(root);
  for (const dir of candidates) {
    const path = nodePath.join(root, dir, "plugins", "lifebetter", "data.json");
    if (
      await fs.stat(path).then(
        (stat) => stat.isFile(),
        () => false,
      )
    )
      return path;
  }
  return null;
}

/** Opens a vault folder: it must exist. The plugin's saved settings apply when present. */
export async function openVault(dir: string | undefined, io: CliIo): Promise<VaultContext> {
  if (!dir) throw new CliError("Missing --vault DIR: the folder of notes to work on.");
  const root = nodePath.resolve(dir);
  let isFolder = false;
  try {
    isFolder = (await fs.stat(root)).isDirectory();
  } catch {
    throw new CliError(`The vault folder "${dir}" does not exist.`);
  }
  if (!isFolder) throw new CliError(`"${dir}" is a file, not a vault folder.`);
  let raw: unknown = {};
  const dataPath = await findPluginData(root);
  if (dataPath) {
    try {
      raw = JSON.parse(await fs.readFile(dataPath, "utf8"));
    } catch (error) {
      io.err(
        `lifebetter: ignoring unreadable plugin settings in ${nodePath.relative(root, dataPath).split(nodePath.sep).join("/")} (${(error as Error).message}); using defaults\n`,
      );
    }
  }
  return {
    root,
    repo: new NodeNoteRepository(root),
    settings: loadSettings(raw, (message) => io.err(`lifebetter: ${message}\n`)),
    configDir: await findConfigDir(root, dataPath),
  };
}
