import { stringify } from "yaml";
import { NoteExistsError } from "../errors";
import type { LifeBetterSettings } from "../settings";
import { joinVaultPath } from "../vault/paths";
import type { NoteRepository } from "../vault/repository";
import { lifeBetterBases, lifeBetterFolder, type BaseFile } from "./base-files";

export interface BasesWritten {
  folder: string;
  /** Paths written now. */
  written: string[];
  /** Paths that already existed and were left as they are. */
  kept: string[];
}

/** A base as YAML, as Obsidian writes it (block style, long formulas kept on one line). */
export function baseYaml(base: BaseFile): string {
  return stringify(base, { lineWidth: 0 });
}

/** Writes the LifeBetter bases into the LifeBetter folder; an existing file is never overwritten. */
export async function writeBases(repo: NoteRepository, settings: LifeBetterSettings): Promise<BasesWritten> {
  const folder = lifeBetterFolder(settings);
  const result: BasesWritten = { folder, written: [], kept: [] };
  for (const { name, base } of lifeBetterBases(settings)) {
    const path = joinVaultPath(folder, name);
    if (await repo.exists(path)) {
      result.kept.push(path);
      continue;
    }
    try {
      await repo.create(path, baseYaml(base));
      result.written.push(path);
    } catch (error) {
      if (!(error instanceof NoteExistsError)) throw error;
      result.kept.push(path); // created meanwhile: keep it
    }
  }
  return result;
}
